using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Reads CapacityTools' tidy layout (iso3, country, year, indicator, value_usd, estimate_or_projection),
/// the layout of the embedded IMF tables. Values are whole US dollars; an absent row is a missing value.
/// </summary>
internal static class TidyGdpReader
{
    public const string ImfIndicator = "NGDPD";
    public const string WorldBankIndicator = "NY.GDP.MKTP.CD";

    public static bool Matches(IReadOnlyList<string> header) =>
        Has(header, "iso3") && Has(header, "year") && Has(header, "value_usd");

    /// <summary>Adds the rows to the builder; returns the indicator the rows carry (NGDPD, NY.GDP.MKTP.CD) or null.</summary>
    public static string? Read(IReadOnlyList<string> header, IEnumerable<CsvRecord> rows, GdpEditionBuilder builder, string sourceName)
    {
        string? indicatorSeen = null;
        var other = 0;
        foreach (var row in rows)
        {
            var indicator = row.Get("indicator");
            if (indicator is not null && !IsGdpIndicator(indicator))
            {
                other++;
                continue;
            }
            indicatorSeen ??= indicator;
            var code = row.Get("iso3");
            var yearText = row.Get("year");
            var valueText = row.Get("value_usd");
            if (GdpValues.IsMissing(valueText)) continue;
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"year '{yearText}' is not a year (write four digits, e.g. 2024).", code));
                continue;
            }
            if (!GdpValues.TryParse(valueText!, thousands: false, out var usd))
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"value_usd '{valueText}' is not a number (whole US dollars, digits with a dot for decimals).", code));
                continue;
            }
            GdpStatus? status = null;
            if (row.Get("estimate_or_projection") is { } flag)
            {
                if (!Enum.TryParse<GdpStatus>(flag, ignoreCase: true, out var parsed) || !Enum.IsDefined(typeof(GdpStatus), parsed))
                {
                    builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"estimate_or_projection '{flag}' is not actual, estimate or projection.", code));
                    continue;
                }
                status = parsed;
            }
            builder.Add(new GdpObservation
            {
                Code = code ?? "",
                Name = row.Get("country"),
                Year = year,
                Usd = usd,
                Status = status,
                Location = row.Location,
            });
        }
        if (builder.Count == 0 && other > 0)
        {
            throw new CapacityException(new Problem(ErrorIds.NoGdpIndicator, ProblemKind.InvalidData,
                $"{sourceName} has {other.ToString(CultureInfo.InvariantCulture)} rows but none of indicator {ImfIndicator} or {WorldBankIndicator} (nominal GDP in US dollars).",
                sourceName, new SourceLocation(sourceName, 1), "Keep the NGDPD rows (IMF) or NY.GDP.MKTP.CD rows (World Bank); PPP and per-capita series cannot be ranked with them."));
        }
        return indicatorSeen;
    }

    internal static bool IsGdpIndicator(string indicator) =>
        indicator.Equals(ImfIndicator, StringComparison.OrdinalIgnoreCase) || indicator.Equals(WorldBankIndicator, StringComparison.OrdinalIgnoreCase);

    internal static bool Has(IReadOnlyList<string> header, string column) =>
        header.Any(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
}

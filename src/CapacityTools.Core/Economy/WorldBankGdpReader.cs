using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Reads World Bank GDP files: the long layout datahub.io publishes (Country Name, Country Code, Year,
/// Value; the embedded WDI table) and the bulk download (years as columns, after a preamble). WDI has
/// no projections, so every figure is Actual; aggregates are told apart by the directory's WB codes.
/// </summary>
internal static class WorldBankGdpReader
{
    public static bool MatchesLong(IReadOnlyList<string> header) =>
        TidyGdpReader.Has(header, "Country Code") && TidyGdpReader.Has(header, "Year") && TidyGdpReader.Has(header, "Value");

    public static bool MatchesBulk(IReadOnlyList<string> header) =>
        TidyGdpReader.Has(header, "Country Code") && TidyGdpReader.Has(header, "Indicator Code") && header.Any(h => GdpValues.IsYearColumn(h, out _));

    public static void ReadLong(IEnumerable<CsvRecord> rows, GdpEditionBuilder builder)
    {
        foreach (var row in rows)
        {
            var code = row.Get("Country Code");
            var valueText = row.Get("Value");
            if (GdpValues.IsMissing(valueText)) continue;
            var yearText = row.Get("Year");
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"Year '{yearText}' is not a year.", code));
                continue;
            }
            if (!GdpValues.TryParse(valueText!, thousands: false, out var usd))
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"Value '{valueText}' is not a number.", code));
                continue;
            }
            builder.Add(new GdpObservation { Code = code ?? "", Name = row.Get("Country Name"), Year = year, Usd = usd, Status = GdpStatus.Actual, Location = row.Location });
        }
    }

    /// <summary>Reads the NY.GDP.MKTP.CD rows of a bulk file; empty cells are missing values.</summary>
    public static void ReadBulk(IReadOnlyList<string> header, IEnumerable<CsvRecord> rows, GdpEditionBuilder builder, string sourceName)
    {
        var years = YearColumns(header);
        var otherIndicators = 0;
        foreach (var row in rows)
        {
            var indicator = row.Get("Indicator Code");
            if (indicator is null) continue;
            if (!indicator.Equals(TidyGdpReader.WorldBankIndicator, StringComparison.OrdinalIgnoreCase))
            {
                otherIndicators++;
                continue;
            }
            var code = row.Get("Country Code");
            foreach (var (column, year) in years)
            {
                var text = row.Get(column);
                if (GdpValues.IsMissing(text)) continue;
                if (!GdpValues.TryParse(text!, thousands: false, out var usd))
                {
                    builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"{code} {column}: '{text}' is not a number.", code));
                    continue;
                }
                builder.Add(new GdpObservation { Code = code ?? "", Name = row.Get("Country Name"), Year = year, Usd = usd, Status = GdpStatus.Actual, Location = row.Location });
            }
        }
        if (builder.Count == 0 && otherIndicators > 0)
        {
            throw new CapacityException(new Problem(ErrorIds.NoGdpIndicator, ProblemKind.InvalidData,
                $"{sourceName} is a World Bank file without {TidyGdpReader.WorldBankIndicator} rows (GDP, current US$).", sourceName,
                new SourceLocation(sourceName, 1), "Download the NY.GDP.MKTP.CD indicator (https://data.worldbank.org/indicator/NY.GDP.MKTP.CD)."));
        }
    }

    internal static List<(string Column, int Year)> YearColumns(IReadOnlyList<string> header)
    {
        var years = new List<(string, int)>();
        foreach (var h in header)
        {
            if (GdpValues.IsYearColumn(h, out var year)) years.Add((h.Trim(), year));
        }
        return years;
    }
}

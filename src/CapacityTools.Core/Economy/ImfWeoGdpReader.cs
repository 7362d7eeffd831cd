using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Reads the IMF's own WEO downloads, one row per series and one column per year:
/// the classic "all" file (WEO Subject Code, ISO, Units, Scale, Estimates Start After; tab-separated,
/// thousands separators, n/a and --, a source line at the end) and the data.imf.org CSV export of
/// October 2025 on (SERIES_CODE or COUNTRY.ID and INDICATOR.ID, SCALE, LATEST_ACTUAL_ANNUAL_DATA).
/// Only NGDPD rows (GDP, current prices, US dollars) are kept.
/// </summary>
internal static class ImfWeoGdpReader
{
    public static bool MatchesClassic(IReadOnlyList<string> header) =>
        TidyGdpReader.Has(header, "WEO Subject Code") && (TidyGdpReader.Has(header, "ISO") || TidyGdpReader.Has(header, "WEO Country Group Code"));

    public static bool MatchesPortal(IReadOnlyList<string> header) =>
        (TidyGdpReader.Has(header, "SERIES_CODE") || (TidyGdpReader.Has(header, "COUNTRY.ID") && TidyGdpReader.Has(header, "INDICATOR.ID")))
        && header.Any(h => GdpValues.IsYearColumn(h, out _));

    /// <summary>Reads a classic WEO file; returns the source line at its end ("International Monetary Fund, World Economic Outlook Database, October 2024"), if any.</summary>
    public static string? ReadClassic(IReadOnlyList<string> header, IEnumerable<CsvRecord> rows, GdpEditionBuilder builder, string sourceName)
    {
        var years = WorldBankGdpReader.YearColumns(header);
        var groups = TidyGdpReader.Has(header, "WEO Country Group Code");
        string? footer = null;
        var rowsRead = 0;
        foreach (var row in rows)
        {
            var subject = row.Get("WEO Subject Code");
            if (subject is null)
            {
                // The last line is a source note in the first column, not data.
                var first = row.Get(header[0]);
                if (first is not null && first.StartsWith("International Monetary Fund", StringComparison.OrdinalIgnoreCase)) footer = first;
                continue;
            }
            rowsRead++;
            if (!subject.Equals(TidyGdpReader.ImfIndicator, StringComparison.OrdinalIgnoreCase)) continue;
            var code = groups ? row.Get("WEO Country Group Code") : row.Get("ISO");
            var name = groups ? row.Get("Country Group Name") : row.Get("Country");
            var scale = GdpValues.ScaleFactor(row.Get("Scale"));
            if (scale is null)
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"{code}: Scale '{row.Get("Scale")}' is not Units, Thousands, Millions or Billions.", code));
                continue;
            }
            var units = row.Get("Units");
            if (units is not null && !units.StartsWith("U.S. dollar", StringComparison.OrdinalIgnoreCase) && !units.StartsWith("US dollar", StringComparison.OrdinalIgnoreCase))
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"{code}: NGDPD is in '{units}', not U.S. dollars.", code));
                continue;
            }
            var lastActual = GdpValues.ParseYear(row.Get("Estimates Start After"));
            AddYears(row, years, code, name, scale.Value, lastActual, groups ? true : null, builder);
        }
        RequireRows(builder, rowsRead, sourceName);
        return footer;
    }

    /// <summary>Reads a data.imf.org export; returns its PUBLICATION_DATE, if any.</summary>
    public static string? ReadPortal(IReadOnlyList<string> header, IEnumerable<CsvRecord> rows, GdpEditionBuilder builder, string sourceName)
    {
        var years = WorldBankGdpReader.YearColumns(header);
        string? published = null;
        var rowsRead = 0;
        foreach (var row in rows)
        {
            string? code, indicator, frequency = null;
            if (row.Get("SERIES_CODE") is { } series)
            {
                var parts = series.Split('.');
                code = parts[0];
                indicator = parts.Length > 1 ? parts[1] : null;
                frequency = parts.Length > 2 ? parts[2] : null;
            }
            else
            {
                code = row.Get("COUNTRY.ID");
                indicator = row.Get("INDICATOR.ID");
                frequency = row.Get("FREQUENCY.ID");
            }
            if (code is null || indicator is null) continue;
            rowsRead++;
            if (!indicator.Equals(TidyGdpReader.ImfIndicator, StringComparison.OrdinalIgnoreCase)) continue;
            if (frequency is not null && !frequency.Equals("A", StringComparison.OrdinalIgnoreCase)) continue;
            published ??= row.Get("PUBLICATION_DATE");
            var scaleText = row.Get("SCALE") ?? row.Get("SCALE.ID");
            var scale = GdpValues.ScaleFactor(scaleText);
            if (scale is null)
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"{code}: SCALE '{scaleText}' is not Units, Thousands, Millions or Billions.", code));
                continue;
            }
            var lastActual = GdpValues.ParseYear(row.Get("LATEST_ACTUAL_ANNUAL_DATA"));
            AddYears(row, years, code, row.Get("COUNTRY"), scale.Value, lastActual, null, builder);
        }
        RequireRows(builder, rowsRead, sourceName);
        return published;
    }

    private static void AddYears(CsvRecord row, List<(string Column, int Year)> years, string? code, string? name, double scale,
        int? lastActual, bool? isAggregate, GdpEditionBuilder builder)
    {
        foreach (var (column, year) in years)
        {
            var text = row.Get(column);
            if (GdpValues.IsMissing(text)) continue;
            if (!GdpValues.TryParse(text!, thousands: true, out var value))
            {
                builder.Skip(GdpEditionBuilder.Invalid(row.Location, $"{code} {column}: '{text}' is not a number.", code));
                continue;
            }
            builder.Add(new GdpObservation
            {
                Code = code ?? "",
                Name = name,
                Year = year,
                // Billions to whole dollars, rounded as the embedded tables are (the IMF gives 3 decimals).
                Usd = Math.Round(value * scale),
                LastActualYear = lastActual is > 0 ? lastActual : null,
                IsAggregate = isAggregate,
                Location = row.Location,
            });
        }
    }

    private static void RequireRows(GdpEditionBuilder builder, int rowsRead, string sourceName)
    {
        if (builder.Count > 0 || builder.RowsSkipped > 0) return;
        throw new CapacityException(new Problem(ErrorIds.NoGdpIndicator, ProblemKind.InvalidData,
            rowsRead == 0
                ? $"{sourceName} has an IMF WEO header but no data rows."
                : $"{sourceName} is an IMF WEO file without NGDPD rows (GDP, current prices, U.S. dollars).",
            sourceName, new SourceLocation(sourceName, 1),
            "Download the file with the NGDPD series (the WEO 'all countries' file has it)."));
    }
}

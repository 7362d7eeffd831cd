using System.Globalization;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Economy;

/// <summary>What reading one GDP file in its layout gives besides its figures: who published it, a title, an edition name when the file says it.</summary>
internal sealed class GdpLayoutResult
{
    public GdpSource Source { get; init; }
    public string Title { get; init; } = "";
    public string? SuggestedName { get; init; }
    public string? Warning { get; init; }
}

/// <summary>The input of a layout's reader: the header, the rows, the lines before the header, and the file's name.</summary>
internal sealed record GdpLayoutInput(IReadOnlyList<string> Header, IEnumerable<CsvRecord> Rows, IReadOnlyList<string> Preamble, string SourceName, GdpEditionBuilder Builder);

/// <summary>One GDP file layout: how its header is recognised and how it is read.</summary>
internal sealed class GdpLayoutEntry(GdpFileLayout layout, Func<IReadOnlyList<string>, bool> matches, Func<GdpLayoutInput, GdpLayoutResult> read)
{
    public GdpFileLayout Layout { get; } = layout;
    public Func<IReadOnlyList<string>, bool> Matches { get; } = matches;
    public Func<GdpLayoutInput, GdpLayoutResult> Read { get; } = read;
}

/// <summary>
/// The table of GDP file layouts, in the order their headers are tried (as <see cref="Inventory.InventoryFormats"/> is for
/// inventories): adding a layout is one entry here and one reader.
/// </summary>
internal static class GdpLayouts
{
    public static IReadOnlyList<GdpLayoutEntry> All { get; } =
    [
        new(GdpFileLayout.Tidy, TidyGdpReader.Matches, input =>
        {
            // A tidy file is the user's own, whatever indicator code it borrows: its source is the file, not the IMF.
            var indicator = TidyGdpReader.Read(input.Header, input.Rows, input.Builder, input.SourceName);
            return new() { Source = GdpSource.Other, Title = indicator is null ? $"GDP in US dollars from {input.SourceName}" : $"GDP in US dollars ({indicator}) from {input.SourceName}" };
        }),
        new(GdpFileLayout.WorldBankBulk, WorldBankGdpReader.MatchesBulk, input =>
        {
            WorldBankGdpReader.ReadBulk(input.Header, input.Rows, input.Builder, input.SourceName);
            var updated = PreambleValue(input.Preamble, "Last Updated Date");
            return new()
            {
                Source = GdpSource.WorldBank,
                Title = updated is null ? $"World Bank WDI GDP (current US$) from {input.SourceName}" : $"World Bank WDI GDP (current US$), updated {updated}",
                SuggestedName = updated is not null && DateTime.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? $"WDI-{date.ToString("yyyy-MM", CultureInfo.InvariantCulture)}" : null,
            };
        }),
        new(GdpFileLayout.WorldBankLong, WorldBankGdpReader.MatchesLong, input =>
        {
            WorldBankGdpReader.ReadLong(input.Rows, input.Builder);
            return new() { Source = GdpSource.WorldBank, Title = $"World Bank WDI GDP (current US$) from {input.SourceName}" };
        }),
        new(GdpFileLayout.ImfClassicWeo, ImfWeoGdpReader.MatchesClassic, input =>
        {
            var footer = ImfWeoGdpReader.ReadClassic(input.Header, input.Rows, input.Builder, input.SourceName);
            return new()
            {
                Source = GdpSource.Imf,
                Title = footer ?? $"IMF World Economic Outlook from {input.SourceName}",
                SuggestedName = GdpFileReader.NameFromFooter(footer) ?? GdpFileReader.NameFromClassicFileName(input.SourceName),
                // The IMF ends every classic WEO file with a dated footer line; without it the download may be cut short.
                Warning = footer is not null ? null
                    : $"{input.SourceName} has no IMF footer line ('International Monetary Fund, World Economic Outlook Database, <Month> <Year>'); the file may be cut short, so economies after the last row read are missing. Download it again if so.",
            };
        }),
        new(GdpFileLayout.ImfDataPortal, ImfWeoGdpReader.MatchesPortal, input =>
        {
            var published = ImfWeoGdpReader.ReadPortal(input.Header, input.Rows, input.Builder, input.SourceName);
            var dated = published is not null && DateTime.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date) ? date : (DateTime?)null;
            return new()
            {
                Source = GdpSource.Imf,
                SuggestedName = dated is { } d ? $"WEO-{d.ToString("yyyy-MM", CultureInfo.InvariantCulture)}" : null,
                Title = dated is { } t
                    ? $"IMF World Economic Outlook, {t.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} (data.imf.org export)"
                    : $"IMF World Economic Outlook from {input.SourceName} (data.imf.org export)",
            };
        }),
    ];

    /// <summary>The layout whose header this is; null when none recognises it.</summary>
    public static GdpLayoutEntry? Match(IReadOnlyList<string> header) => All.FirstOrDefault(l => l.Matches(header));

    public static GdpLayoutEntry Get(GdpFileLayout layout) => All.First(l => l.Layout == layout);

    private static string? PreambleValue(IReadOnlyList<string> preamble, string key)
    {
        foreach (var line in preamble)
        {
            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToList();
            if (fields.Count >= 2 && fields[0].Equals(key, StringComparison.OrdinalIgnoreCase) && fields[1].Length > 0) return fields[1];
        }
        return null;
    }
}

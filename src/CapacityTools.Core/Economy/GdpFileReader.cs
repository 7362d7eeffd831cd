using System.Globalization;
using System.Text.RegularExpressions;
using CapacityTools.Core.Data;

namespace CapacityTools.Core.Economy;

/// <summary>
/// Reads a user's GDP file into an edition: decodes it (UTF-8, UTF-16, Latin-1), detects its layout
/// from its header (see <see cref="GdpFileLayout"/>), reads it with the matching reader and names the
/// edition from what the file says about itself unless the caller names it.
/// </summary>
public static class GdpFileReader
{
    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly Regex s_classicName = new(@"WEO(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?<year>[0-9]{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex s_footerDate = new(@"(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>[0-9]{4})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Reads a file. Bad rows become <see cref="GdpEdition.LoadProblems"/>; a file that cannot be used at all throws.</summary>
    /// <exception cref="CapacityException">Unknown layout, no GDP rows, or an unreadable file.</exception>
    public static GdpEdition Read(string path, string? editionName, EconomyDirectory directory)
    {
        byte[] bytes;
        try
        {
            bytes = TextDecoder.ReadBytes(path, Path.GetFileName(path), out var notText) ?? throw new CapacityException(notText!);
        }
        catch (Exception ex) when (Problem.IsFileError(ex))
        {
            throw new CapacityException(Problem.FileUnreadable(path, ex));
        }
        return Read(bytes, path, editionName, directory);
    }

    internal static GdpEdition Read(byte[] bytes, string path, string? editionName, EconomyDirectory directory)
    {
        var sourceName = Path.GetFileName(path);
        var text = TextDecoder.Decode(bytes, sourceName, out var encoding, out var notText) ?? throw new CapacityException(notText!);
        var (layout, headerLine, separator, preamble) = Detect(text, sourceName);

        using var reader = new StringReader(text);
        for (var i = 0; i < headerLine; i++) reader.ReadLine();
        var (header, rows) = CsvRecords.Read(reader, sourceName, separator, headerLine);
        var builder = new GdpEditionBuilder(directory);
        var warnings = new List<string>();
        if (encoding!.GuessWarning(sourceName) is { } guessed) warnings.Add(guessed);
        var result = GdpLayouts.Get(layout).Read(new GdpLayoutInput(header, rows, preamble, sourceName, builder));
        if (result.Warning is not null) warnings.Add(result.Warning);
        var metadata = new GdpEditionHeader { Layout = layout, Origin = path, Source = result.Source, Title = result.Title };
        var suggestedName = result.SuggestedName;
        metadata.Name = string.IsNullOrWhiteSpace(editionName) ? suggestedName ?? Path.GetFileNameWithoutExtension(path) : editionName!.Trim();
        metadata.Attribution = Attribution(metadata.Source, metadata.Title, sourceName);
        if (builder.Count > 0 && builder.EconomyCount == 0)
        {
            throw new CapacityException(new Problem(ErrorIds.NoGdpEconomies, ProblemKind.InvalidData,
                $"{sourceName} ({layout}) has figures only for country groups (World, regions), none for an economy, so nothing could be ranked against it.", path,
                new SourceLocation(sourceName, headerLine + 1), "Import a file with rows for countries (ISO 3166 codes such as USA, DEU, JPN)."));
        }
        if (builder.Count == 0)
        {
            throw new CapacityException(new Problem(ErrorIds.NoGdpValues, ProblemKind.InvalidData,
                $"{sourceName} ({layout}) has no usable GDP values.", path, new SourceLocation(sourceName, headerLine + 1),
                builder.Problems.Count > 0 ? $"The first problem: {builder.Problems[0].FullMessage}" : "Check that the file has values in US dollars."));
        }
        var edition = builder.Build(metadata);
        edition.LoadWarnings = warnings;
        return edition;
    }

    /// <summary>The layout of a decoded file, the 0-based line of its header, its separator and the lines before the header.</summary>
    internal static (GdpFileLayout Layout, int HeaderLine, char Separator, IReadOnlyList<string> Preamble) Detect(string text, string sourceName)
    {
        using var reader = new StringReader(text);
        var preamble = new List<string>();
        for (var lineNumber = 0; lineNumber < 12; lineNumber++)
        {
            var line = reader.ReadLine();
            if (line is null) break;
            if (line.Trim().Length == 0) { preamble.Add(line); continue; }
            var separator = line.Count(c => c == '\t') > line.Count(c => c == ',') ? '\t' : ',';
            var header = SplitHeader(line, separator);
            var layout = GdpLayouts.Match(header)?.Layout;
            if (layout is not null) return (layout.Value, lineNumber, separator, preamble);
            preamble.Add(line);
        }
        var first = preamble.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        if (first.Length > 120) first = first.Substring(0, 120) + "...";
        throw new CapacityException(new Problem(ErrorIds.UnknownGdpLayout, ProblemKind.InvalidData,
            $"{sourceName} is not a GDP file layout CapacityTools knows (its first line: '{first}').", sourceName, new SourceLocation(sourceName, 1),
            "Use one of: the tidy CSV (iso3,country,year,indicator,value_usd,estimate_or_projection); the World Bank CSV " +
            "(Country Name,Country Code,Year,Value, or the bulk download with Indicator Code and year columns); the IMF classic WEO " +
            "'all' file (WEO Subject Code, ISO, year columns); or the data.imf.org WEO CSV (SERIES_CODE, SCALE, year columns)."));
    }

    private static List<string> SplitHeader(string line, char separator) =>
        line.Split(separator).Select(f => f.Trim().Trim('"').Trim()).ToList();

    internal static string? NameFromFooter(string? footer)
    {
        if (footer is null) return null;
        var match = s_footerDate.Match(footer);
        if (!match.Success) return null;
        var month = Array.FindIndex(s_months, m => match.Groups["month"].Value.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;
        return $"WEO-{match.Groups["year"].Value}-{month.ToString("00", CultureInfo.InvariantCulture)}";
    }

    internal static string? NameFromClassicFileName(string fileName)
    {
        var match = s_classicName.Match(fileName);
        if (!match.Success) return null;
        var month = Array.FindIndex(s_months, m => m.Equals(match.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        return $"WEO-{match.Groups["year"].Value}-{month.ToString("00", CultureInfo.InvariantCulture)}";
    }

    private static string Attribution(GdpSource source, string title, string file) => source switch
    {
        GdpSource.Imf => $"Source: International Monetary Fund, World Economic Outlook Database ({title}). (c) IMF. Read from {file} by CapacityTools: values converted to US dollars; status derived from the latest-actual years.",
        GdpSource.WorldBank => $"The World Bank: World Development Indicators, GDP (current US$) [NY.GDP.MKTP.CD]. CC BY 4.0. Read from {file} by CapacityTools.",
        _ => $"User data from {file}.",
    };
}

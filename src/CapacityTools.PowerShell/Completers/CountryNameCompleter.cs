using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CapacityTools.Core.Economy;

namespace CapacityTools.PowerShell.Completers;

/// <summary>
/// Completes -Country with the economies of the edition being asked for (-Edition, else the default):
/// ISO3 codes first, then display names; country groups only with -IncludeAggregates.
/// </summary>
public sealed class CountryNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var library = SessionData.Gdp.Current;
        var editionName = fakeBoundParameters?["Edition"] as string;
        var edition = (editionName is null ? null : library.Find(editionName)) ?? library.Find(GdpLibrary.DefaultEdition)!;
        var aggregates = fakeBoundParameters?.Contains("IncludeAggregates") == true;
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = new WildcardPattern(prefix + "*", WildcardOptions.IgnoreCase);
        var economies = edition.Economies.Where(e => aggregates || !e.IsAggregate).ToList();
        var codes = economies.Where(e => prefix.Length > 0 && pattern.IsMatch(e.Iso3)).Select(e => (Text: e.Iso3, e));
        var names = economies.Where(e => pattern.IsMatch(e.Name)).Select(e => (Text: e.Name, e));
        return codes.Concat(names)
            .GroupBy(c => c.Text, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Select(c => new CompletionResult(Quote(c.Text), c.Text, CompletionResultType.ParameterValue, $"{c.e.Name} ({c.e.Iso3}) in {edition.Name}"));
    }

    internal static string Quote(string name) =>
        name.IndexOfAny([' ', '(', ')', '\'', '"', ';', ',', '{', '}', '$', '@', '&', '|', '#']) >= 0 ? $"'{name.Replace("'", "''")}'" : name;
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CapacityTools.Core.Economy;

namespace CapacityTools.PowerShell.Completers;

/// <summary>
/// Completes -Country with the economies of the edition being asked for (-Edition, else the default): codes
/// (ISO 3166 alpha-3 and alpha-2) when the word is typed, then names, matched without diacritics; country groups
/// only with -IncludeAggregates.
/// </summary>
public sealed class CountryNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var edition = EditionCompletion.Edition(fakeBoundParameters);
        var aggregates = fakeBoundParameters?.Contains("IncludeAggregates") == true;
        var typed = CompletionText.Word(wordToComplete).Length > 0;
        var economies = edition.Economies.Where(e => aggregates || !e.IsAggregate).ToList();
        var codes = typed
            ? economies.SelectMany(e => e.Codes.Where(c => c.Length is 2 or 3 && c.All(char.IsLetter)).Select(c => (Text: c, Tip: $"{e.Name} ({e.Iso3}) in {edition.Name}")))
            : [];
        var names = economies.Select(e => (Text: e.Name, Tip: $"{e.Name} ({e.Iso3}) in {edition.Name}"));
        return CompletionText.Results(codes.Concat(names), wordToComplete);
    }
}

/// <summary>Completes -Year with the years of the edition being asked for (-Edition, else the default), newest first.</summary>
public sealed class GdpYearCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var edition = EditionCompletion.Edition(fakeBoundParameters);
        var years = edition.Years.OrderByDescending(y => y).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return CompletionText.Results(years.Select(y => (y, $"{y} in {edition.Name}")), wordToComplete);
    }
}

internal static class EditionCompletion
{
    /// <summary>The edition a command line names with -Edition, else the default one.</summary>
    public static GdpEdition Edition(IDictionary? fakeBoundParameters)
    {
        var library = SessionData.Gdp.Current;
        var editionName = fakeBoundParameters?["Edition"] as string;
        return (editionName is null ? null : library.Find(editionName)) ?? library.Find(GdpLibrary.DefaultEdition)!;
    }
}

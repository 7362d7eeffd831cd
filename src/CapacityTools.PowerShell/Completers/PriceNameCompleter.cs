using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CapacityTools.PowerShell.Completers;

/// <summary>Completes -Provider / -RentProvider with the providers of the session's price table.</summary>
public sealed class PriceProviderCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        PriceCompletion.Complete(SessionData.Prices.Current.Providers, wordToComplete, "provider");
}

/// <summary>Completes -Region / -RentRegion with the regions of the session's price table.</summary>
public sealed class PriceRegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        PriceCompletion.Complete(SessionData.Prices.Current.Regions, wordToComplete, "region");
}

internal static class PriceCompletion
{
    public static IEnumerable<CompletionResult> Complete(IEnumerable<string> names, string? wordToComplete, string what) =>
        CompletionText.Results(names.Select(n => (n, $"{n} ({what} with prices)")), wordToComplete);
}

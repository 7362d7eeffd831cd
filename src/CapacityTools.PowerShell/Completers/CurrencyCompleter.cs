using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CapacityTools.Core.Economy;

namespace CapacityTools.PowerShell.Completers;

/// <summary>Completes -Currency with the ISO 4217 codes the amount parser knows by symbol or name (any other code is accepted too).</summary>
public sealed class CurrencyCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Results(AmountParser.KnownCurrencies.Select(c => (c, $"{c} (ISO 4217)")), wordToComplete);
}

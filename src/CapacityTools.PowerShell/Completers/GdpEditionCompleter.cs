using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CapacityTools.PowerShell.Completers;

/// <summary>Completes -Edition with the embedded editions and the ones this session imported, without loading any.</summary>
public sealed class GdpEditionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern((wordToComplete ?? "").Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return SessionData.Gdp.Current.Describe()
            .Where(e => pattern.IsMatch(e.Name))
            .Select(e => new CompletionResult(CountryNameCompleter.Quote(e.Name), e.Name, CompletionResultType.ParameterValue,
                $"{e.Title}{(e.Embedded ? "" : " (imported)")}"));
    }
}

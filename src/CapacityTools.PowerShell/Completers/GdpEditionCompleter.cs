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
        return CompletionText.Results(SessionData.Gdp.Current.Describe()
            .Select(e => (e.Name, $"{e.Title}{(e.Embedded ? "" : " (imported)")}")), wordToComplete);
    }
}

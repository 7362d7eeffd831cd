using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CapacityTools.Core.Gpu;

namespace CapacityTools.PowerShell.Completers;

/// <summary>Completes catalog ids first, then aliases, family names and instance types, for -Model, -Name and -Reference.</summary>
public sealed class GpuNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var catalog = SessionData.Catalog.Current;
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        var pattern = new WildcardPattern(prefix + "*", WildcardOptions.IgnoreCase);
        var ids = catalog.Specs.Select(s => (Name: s.Id, Tip: $"{s.Vendor} {s.Model}"));
        var others = catalog.Specs.SelectMany(s => s.Aliases.Select(a => (Name: a, Tip: $"{a} -> {s.Id}")))
            .Concat(catalog.Families.Select(f => (Name: f.Family, Tip: $"family {f.Family} -> {f.DefaultId}")))
            .Concat(catalog.InstanceTypes.Select(t => (Name: t.Name, Tip: $"{t.Provider} {t.Name}: {t.GpusPerUnit} x {t.GpuId}")));
        return ids.Concat(others)
            .Where(n => pattern.IsMatch(n.Name))
            .GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Select(n => new CompletionResult(Quote(n.Name), n.Name, CompletionResultType.ParameterValue, n.Tip));
    }

    private static string Quote(string name) =>
        name.IndexOfAny([' ', '(', ')', '\'', '"', ';', ',', '{', '}', '$', '@', '&', '|', '#']) >= 0 ? $"'{name.Replace("'", "''")}'" : name;
}

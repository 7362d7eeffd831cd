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
        var ids = catalog.Specs.Select(s => (Text: s.Id, Tip: $"{s.Vendor} {s.Model}"));
        var others = catalog.Specs.SelectMany(s => s.Aliases.Select(a => (Text: a, Tip: $"{a} -> {s.Id}")))
            .Concat(catalog.Families.Select(f => (Text: f.Family, Tip: $"family {f.Family} -> {f.DefaultId}")))
            .Concat(catalog.InstanceTypes.Select(t => (Text: t.Name, Tip: $"{t.Provider} {t.Name}: {t.GpusPerUnit} x {t.GpuId}")));
        return CompletionText.Results(ids.Concat(others), wordToComplete);
    }
}

/// <summary>Completes -Vendor with the vendors of the session's catalog.</summary>
public sealed class GpuVendorCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionText.Results(SessionData.Catalog.Current.Specs.GroupBy(s => s.Vendor, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.First().Vendor, $"{g.First().Vendor}: {g.Count()} catalog entries")), wordToComplete);
}

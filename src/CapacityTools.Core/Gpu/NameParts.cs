using System.Runtime.CompilerServices;
using System.Globalization;

namespace CapacityTools.Core.Gpu;

/// <summary>
/// What <see cref="NameParser"/> read in a raw accelerator name: the model words (in order), the form-factor
/// and system words, a memory size, a count prefix or suffix, and the words it ignored (vendor names,
/// "Tesla", "Data Center GPU", parenthesised code names, "(rev a1)").
/// </summary>
public sealed class NameParts
{
    /// <summary>The model words, lower-case, in the order written ("rtx", "6000", "ada").</summary>
    public IReadOnlyList<string> ModelWords { get; init; } = [];

    /// <summary>The model words joined: the key the catalog's own names are indexed by ("rtx6000ada").</summary>
    public string Model => string.Concat(ModelWords);

    /// <summary>Form-factor words as the catalog's FormFactor column spells them, normalised ("pcie", "sxm4", "hgx").</summary>
    public IReadOnlyList<string> FormWords { get; init; } = [];

    /// <summary>Rack or board words ("nvl72", "nvl16") that name a system, not the chip.</summary>
    public IReadOnlyList<string> SystemWords { get; init; } = [];

    public double? MemoryGB { get; init; }

    /// <summary>A count written with the name ("8x H100", "L4:2"); 1 when none.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Words that never decide a match.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>A one-line account, as Resolve-GpuModel shows it: "model=a100 form=sxm4 memory=80GB".</summary>
    [MethodImpl(JitNow.Optimized)]
    public string Describe()
    {
        var parts = new List<string>();
        if (ModelWords.Count > 0) parts.Add("model=" + string.Join(" ", ModelWords));
        if (FormWords.Count > 0) parts.Add("form=" + string.Join(",", FormWords));
        if (SystemWords.Count > 0) parts.Add("system=" + string.Join(",", SystemWords));
        if (MemoryGB is { } gb) parts.Add("memory=" + gb.ToString("0.##", CultureInfo.InvariantCulture) + "GB");
        if (Count != 1) parts.Add("count=" + Count.ToString(CultureInfo.InvariantCulture));
        if (Ignored.Count > 0) parts.Add("ignored=" + string.Join(",", Ignored));
        return string.Join(" ", parts);
    }

    public override string ToString() => Describe();
}

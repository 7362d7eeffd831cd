namespace CapacityTools.Core.Gpu;

/// <summary>How a raw name was matched to the catalog.</summary>
public enum MatchKind
{
    /// <summary>The catalog id itself, in any case or punctuation.</summary>
    Exact,
    /// <summary>A name the SKU goes by: a tool's product string, a label value, a marketing name.</summary>
    Alias,
    /// <summary>A bare family name, resolved to the family's documented representative.</summary>
    FamilyDefault,
    /// <summary>A MIG instance: resolved to its parent GPU, with <see cref="GpuResolution.Fraction"/> set.</summary>
    MigSlice,
    /// <summary>A cloud instance or TPU slice type, with <see cref="GpuResolution.GpusPerUnit"/> accelerators each.</summary>
    InstanceType,
    /// <summary>A spelling no entry lists, matched by its parts (model words, form factor, memory) to exactly one entry.</summary>
    Parts,
    /// <summary>A PCI device id, matched through the PCI ID Repository's name for the device.</summary>
    PciId,
    /// <summary>An NVIDIA vGPU profile ("GRID A100-10C"): a share of its board, with <see cref="GpuResolution.Fraction"/> = profile memory / board memory.</summary>
    VgpuProfile,
}

/// <summary>What a raw accelerator name means. Immutable: resolutions are cached and shared; a variant is made with <c>with</c>.</summary>
public sealed record GpuResolution
{
    public string Input { get; internal init; } = "";
    public string Id { get; internal init; } = "";
    /// <summary>Accelerators per unit named: 8 for "p4d.24xlarge" or "gpu:a100:8", 1 for a plain GPU name.</summary>
    public int GpusPerUnit { get; internal init; } = 1;
    /// <summary>The share of the GPU one unit is: 1/7 for a MIG 1g slice of an A100, 1 otherwise.</summary>
    public double Fraction { get; internal init; } = 1;
    public MatchKind MatchKind { get; internal init; }
    public string Note { get; internal init; } = "";
    /// <summary>What the resolver read in the name where it matched by parts or by PCI id ("model=a100 form=sxm4 memory=80GB").</summary>
    public string Parts { get; internal init; } = "";
    /// <summary>The family when <see cref="MatchKind"/> is FamilyDefault (directly or through a gres type).</summary>
    public string? Family { get; internal init; }
    public GpuSpec Spec { get; internal init; } = null!;

    public override string ToString() => Id;
}

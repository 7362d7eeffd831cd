namespace CapacityTools.Core.Perspective;

/// <summary>One row of Epoch AI's 'Data on GPU Clusters': a cluster (or a phase of one), as Epoch publishes it.</summary>
public sealed class GpuCluster
{
    public string Name { get; internal init; } = "";
    /// <summary>Existing, Planned or Decommissioned.</summary>
    public string Status { get; internal init; } = "";
    /// <summary>Confirmed, Likely or Unlikely.</summary>
    public string Certainty { get; internal init; } = "";
    /// <summary>Epoch's 'Single cluster?': Yes, No, Unclear or empty.</summary>
    public string SingleCluster { get; internal init; } = "";
    /// <summary>Epoch's H100 equivalents (8-bit basis); null where Epoch gives none.</summary>
    public double? H100e { get; internal init; }
    public string Country { get; internal init; } = "";
    public string Owner { get; internal init; } = "";
    public DateTime? FirstOperational { get; internal init; }
    /// <summary>The decommissioning date (a month or year alone is its first day); null when none is given.</summary>
    public DateTime? Decommissioned { get; internal init; }
    public string Sector { get; internal init; } = "";
    /// <summary>The earlier phase(s) this row builds upon, by name.</summary>
    public string BuildsUpon { get; internal init; } = "";
    /// <summary>The later phase(s) that supersede this row, by name.</summary>
    public string SupersededBy { get; internal init; } = "";
    /// <summary>Epoch flags the row as a possible duplicate of another.</summary>
    public bool PossibleDuplicate { get; internal init; }
    public string PossibleDuplicateOf { get; internal init; } = "";
    /// <summary>Epoch's first source for the row.</summary>
    public string Source { get; internal init; } = "";
    /// <summary>The line of the row in its file.</summary>
    public long Line { get; internal init; }

    public override string ToString() => $"{Name} ({H100e:0} H100e)";
}

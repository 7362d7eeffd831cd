namespace CapacityTools.Core.Perspective;

/// <summary>One row of Epoch AI's 'Data on GPU Clusters': a cluster (or a phase of one), as Epoch publishes it.</summary>
public sealed class GpuCluster
{
    public string Name { get; init; } = "";
    /// <summary>Existing, Planned or Decommissioned.</summary>
    public string Status { get; init; } = "";
    /// <summary>Confirmed, Likely or Unlikely.</summary>
    public string Certainty { get; init; } = "";
    /// <summary>Epoch's 'Single cluster?': Yes, No, Unclear or empty.</summary>
    public string SingleCluster { get; init; } = "";
    /// <summary>Epoch's H100 equivalents (8-bit basis); null where Epoch gives none.</summary>
    public double? H100e { get; init; }
    public string Country { get; init; } = "";
    public string Owner { get; init; } = "";
    public DateTime? FirstOperational { get; init; }
    /// <summary>The decommissioning date (a month or year alone is its first day); null when none is given.</summary>
    public DateTime? Decommissioned { get; init; }
    public string Sector { get; init; } = "";
    /// <summary>The earlier phase(s) this row builds upon, by name.</summary>
    public string BuildsUpon { get; init; } = "";
    /// <summary>The later phase(s) that supersede this row, by name.</summary>
    public string SupersededBy { get; init; } = "";
    /// <summary>Epoch flags the row as a possible duplicate of another.</summary>
    public bool PossibleDuplicate { get; init; }
    public string PossibleDuplicateOf { get; init; } = "";
    /// <summary>Epoch's first source for the row.</summary>
    public string Source { get; init; } = "";
    /// <summary>The line of the row in its file.</summary>
    public long Line { get; init; }

    public override string ToString() => $"{Name} ({H100e:0} H100e)";
}

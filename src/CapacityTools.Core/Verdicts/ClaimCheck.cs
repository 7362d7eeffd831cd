namespace CapacityTools.Core.Verdicts;

/// <summary>What the data says about a claim.</summary>
public enum ClaimVerdict
{
    /// <summary>The measured figure agrees with the claim within the tolerance (or meets the requirement).</summary>
    Supported,
    /// <summary>The claim is larger than what was measured (or a minimum is not met).</summary>
    Overstated,
    /// <summary>The claim is smaller than what was measured (or a maximum is exceeded).</summary>
    Understated,
    /// <summary>The embedded data cannot confirm or refute the claim; the explanation says how far it goes.</summary>
    Unverifiable,
}

/// <summary>The kind of statement a claim makes.</summary>
public enum ClaimKind
{
    /// <summary>A count of GPUs of one model (converted to equivalents; the count itself is not in any data).</summary>
    GpuCount,
    /// <summary>A number of equivalents of a reference GPU.</summary>
    GpuEquivalents,
    /// <summary>An amount of money, alone or set against named economies.</summary>
    MarketSize,
    /// <summary>A capacity requirement on a measured fleet (a CI gate).</summary>
    Requirement,
}

/// <summary>One figure behind a verdict: a rival economy, a part of a claim, a neighbour.</summary>
public sealed class ClaimDetail
{
    public string Subject { get; init; } = "";
    public double? Claimed { get; init; }
    public double? Measured { get; init; }
    /// <summary>Claimed over Measured.</summary>
    public double? Ratio { get; init; }
    /// <summary>Whether this part agrees within the tolerance; null where the part is context only.</summary>
    public bool? Holds { get; init; }
    public string Note { get; init; } = "";

    public override string ToString() => string.IsNullOrEmpty(Note) ? Subject : $"{Subject}: {Note}";
}

/// <summary>The verdict on a claim or a capacity requirement, with the figures and the reasons behind it.</summary>
public sealed class ClaimCheck
{
    /// <summary>The claim's id (a row of claims.csv) or the requirement's name.</summary>
    public string Id { get; init; } = "";
    public ClaimKind Kind { get; init; }
    /// <summary>The claim as readable text.</summary>
    public string Claim { get; init; } = "";
    public ClaimVerdict Verdict { get; init; }
    /// <summary>True only when the verdict is Supported.</summary>
    public bool Holds => Verdict == ClaimVerdict.Supported;
    /// <summary>The claimed figure (the low end of a range), in <see cref="Unit"/>.</summary>
    public double Claimed { get; init; }
    /// <summary>The high end of a claimed range; null for a single figure.</summary>
    public double? ClaimedHigh { get; init; }
    /// <summary>What the data gives for the same quantity; null when nothing comparable is measured.</summary>
    public double? Measured { get; init; }
    /// <summary>Claimed over Measured (1 = exact); for rivals, the ratio furthest from 1.</summary>
    public double? Ratio { get; init; }
    /// <summary>The relative difference still counted as agreement (0.2 = 20 %).</summary>
    public double Tolerance { get; init; }
    /// <summary>The unit of Claimed and Measured (H100-SXM5-80GB equivalents, USD, GPUs, MW, ...).</summary>
    public string Unit { get; init; } = "";
    /// <summary>Metric and reference, or GDP edition, year and status.</summary>
    public string Basis { get; init; } = "";
    /// <summary>Why the verdict is what it is, with the figures.</summary>
    public string Explanation { get; init; } = "";
    /// <summary>For a partial claim: what the known part leaves unexplained, in Unit; null otherwise.</summary>
    public double? Unexplained { get; init; }
    /// <summary>The figures behind the verdict (per rival economy, per part of the claim).</summary>
    public DisplayList<ClaimDetail> Details { get; init; } = [];
    /// <summary>Who made the claim, where known.</summary>
    public string Attribution { get; init; } = "";

    public override string ToString() => $"{Verdict}: {Claim}";
}

namespace CapacityTools.Core.Perspective;

/// <summary>One row of Epoch AI's AI chip sales model: a vendor's cumulative compute shipped from the series start to a quarter's end.</summary>
public sealed class ChipSalesQuarter
{
    /// <summary>NVIDIA, Google TPU, AMD or Amazon Trainium.</summary>
    public string Vendor { get; init; } = "";
    /// <summary>Epoch's name of the row, e.g. "Nvidia total Q1 2022 to Q4 2024".</summary>
    public string Name { get; init; } = "";
    public DateTime Start { get; init; }
    public DateTime End { get; init; }
    /// <summary>Cumulative H100 equivalents (8-bit basis), 5th percentile.</summary>
    public double H100eP5 { get; init; }
    public double H100eMedian { get; init; }
    public double H100eP95 { get; init; }
    /// <summary>Epoch marks the quarter incomplete (figures still partial).</summary>
    public bool Incomplete { get; init; }
    public string Notes { get; init; } = "";
    public string Source { get; init; } = "";

    public override string ToString() => $"{Vendor} {Start:yyyy-MM-dd}..{End:yyyy-MM-dd}: {H100eMedian:0} H100e";
}

/// <summary>A vendor's part of the compute shipped by a date.</summary>
public sealed class VendorShipped
{
    public string Vendor { get; init; } = "";
    /// <summary>The first day Epoch's series covers.</summary>
    public DateTime From { get; init; }
    /// <summary>The end of the last complete quarter on or before the date.</summary>
    public DateTime Through { get; init; }
    public double H100eP5 { get; init; }
    public double H100eMedian { get; init; }
    public double H100eP95 { get; init; }
    /// <summary>Epoch's row name.</summary>
    public string Series { get; init; } = "";
    /// <summary>Epoch's note on the row (when the estimates were generated).</summary>
    public string Notes { get; init; } = "";

    public override string ToString() => $"{Vendor} {From:yyyy-MM-dd}..{Through:yyyy-MM-dd}";
}

/// <summary>A fleet as a fraction of the AI compute shipped by a date, with Epoch's uncertainty.</summary>
public sealed class ShippedShare
{
    /// <summary>The fleet over the median compute shipped (0.09 = 9 %).</summary>
    public double Median { get; init; }
    /// <summary>The fleet over the sum of the vendors' 95th percentiles (the low end of the share).</summary>
    public double Low { get; init; }
    /// <summary>The fleet over the sum of the vendors' 5th percentiles (the high end of the share).</summary>
    public double High { get; init; }
    public double ShippedH100eMedian { get; init; }
    public double ShippedH100eP5 { get; init; }
    public double ShippedH100eP95 { get; init; }
    /// <summary>The vendors and periods the totals cover.</summary>
    public IReadOnlyList<VendorShipped> Vendors { get; init; } = [];
    /// <summary>How the range was formed and what the totals leave out.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public override string ToString() => $"{Median:P1} ({Low:P1}-{High:P1}) of {ShippedH100eMedian:N0} H100e shipped";
}

namespace CapacityTools.Core.Pricing;

/// <summary>What a price is for.</summary>
public enum PriceKind
{
    /// <summary>Cloud on-demand list price per GPU-hour.</summary>
    OnDemand,
    /// <summary>Cloud spot (preemptible) price per GPU-hour, where a real spot quote exists.</summary>
    Spot,
    /// <summary>Purchase price per GPU.</summary>
    Purchase,
}

/// <summary>One dated price of a GPU: per GPU-hour in a cloud region, or per GPU to buy.</summary>
public sealed class GpuPrice
{
    /// <summary>The catalog id of the GPU.</summary>
    public string Model { get; internal init; } = "";
    /// <summary>AWS, Azure, GCP; empty for purchase prices.</summary>
    public string Provider { get; internal init; } = "";
    public string Region { get; internal init; } = "";
    public string InstanceType { get; internal init; } = "";
    public PriceKind Kind { get; internal init; }
    /// <summary>Per GPU-hour (cloud prices): the instance price divided by its GPUs; null for purchase prices.</summary>
    public double? PricePerGpuHour { get; internal init; }
    /// <summary>Per GPU (purchase prices); null for cloud prices.</summary>
    public double? Price { get; internal init; }
    /// <summary>The whole instance's price per hour (cloud prices).</summary>
    public double? InstancePricePerHour { get; internal init; }
    public int? GpusPerInstance { get; internal init; }
    public string Currency { get; internal init; } = "USD";
    /// <summary>When the price was observed, as precisely as the source dates it (yyyy-MM-dd, yyyy, or the catalog commit where no date is recorded).</summary>
    public string AsOf { get; internal init; } = "";
    /// <summary>The availability zone of the lowest quote, where zones differ.</summary>
    public string Zone { get; internal init; } = "";
    public string Source { get; internal init; } = "";
    public string Note { get; internal init; } = "";

    /// <summary>The figure: per GPU-hour for cloud prices, per GPU for purchase prices.</summary>
    public double Value => PricePerGpuHour ?? Price ?? 0;

    public override string ToString() => Kind == PriceKind.Purchase
        ? $"{Model}: {Price:N2} {Currency} per GPU ({AsOf})"
        : $"{Model} {Provider} {Region} {InstanceType}: {PricePerGpuHour:0.####} {Currency}/GPU-h {Kind} ({AsOf})";
}

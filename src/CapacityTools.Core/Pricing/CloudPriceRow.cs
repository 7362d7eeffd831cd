namespace CapacityTools.Core.Pricing;

/// <summary>One instance type in one zone as the cloud catalog lists it: prices for the whole instance per hour.</summary>
public sealed class CloudPriceRow
{
    public string Provider { get; init; } = "";
    public string Region { get; init; } = "";
    public string Zone { get; init; } = "";
    public string InstanceType { get; init; } = "";
    public string GpuId { get; init; } = "";
    public int GpusPerInstance { get; init; }
    /// <summary>On-demand price of the instance per hour; null when the catalog lists none.</summary>
    public double? Price { get; init; }
    /// <summary>Spot price of the instance per hour; null when the catalog lists none.</summary>
    public double? SpotPrice { get; init; }
    public string Currency { get; init; } = "USD";
    public string AsOf { get; init; } = "";
    public string Source { get; init; } = "";
    public long Line { get; init; }
}

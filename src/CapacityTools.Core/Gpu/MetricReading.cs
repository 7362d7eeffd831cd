namespace CapacityTools.Core.Gpu;

/// <summary>A chip's value under a metric, and which figure it was taken from.</summary>
public readonly struct MetricReading
{
    public MetricReading(double value, string basis, bool isFallback)
    {
        Value = value;
        Basis = basis;
        IsFallback = isFallback;
    }

    public double Value { get; }
    /// <summary>The figure used, e.g. "BF16 dense" or "FP16 tensor (no BF16)".</summary>
    public string Basis { get; }
    /// <summary>True when the metric's own figure was missing and a documented fallback was used.</summary>
    public bool IsFallback { get; }
}

namespace CapacityTools.Core.Telemetry;

/// <summary>
/// Measured use of the GPUs of one model on one host over a window, from dcgm-exporter series in Prometheus.
/// GPUs are physical (MIG instances collapsed; a vGPU counts as its share of one).
/// </summary>
public sealed class GpuUsage
{
    public string? Host { get; set; }
    /// <summary>The catalog id the exporter's modelName resolved to; null when it names no known type (an error says why).</summary>
    public string? Model { get; set; }
    /// <summary>The exporter's modelName.</summary>
    public string RawName { get; set; } = "";
    /// <summary>Physical GPUs on average over the window (GpuHours / the window's hours).</summary>
    public double Gpus { get; set; }
    /// <summary>GPU-hours observed: each GPU counts while the exporter reported it.</summary>
    public double GpuHours { get; set; }
    /// <summary>Mean utilisation, 0 to 1, of the GPUs that report it; null when none does.</summary>
    public double? AverageUtilization { get; set; }
    /// <summary>The field the utilisation comes from: DCGM_FI_PROF_GR_ENGINE_ACTIVE where present, else DCGM_FI_DEV_GPU_UTIL.</summary>
    public string? UtilizationMetric { get; set; }
    /// <summary>Mean board power per GPU in watts (DCGM_FI_DEV_POWER_USAGE); null when not reported.</summary>
    public double? AveragePowerWatts { get; set; }
    /// <summary>GPU energy in the window in kWh, from the DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter (resets handled); null when not reported.</summary>
    public double? EnergyKWh { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    /// <summary>The server asked (no credentials).</summary>
    public string Source { get; set; } = "";
    /// <summary>What the figures assume or leave out.</summary>
    public string Note { get; set; } = "";

    /// <summary>The window's length in hours.</summary>
    public double Hours => (End - Start).TotalHours;

    public override string ToString() => $"{Host}{(Host is null ? "" : ": ")}{Gpus:0.##} x {Model ?? RawName}, {GpuHours:0.#} GPU-h";
}

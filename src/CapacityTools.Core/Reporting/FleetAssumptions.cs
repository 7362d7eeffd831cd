namespace CapacityTools.Core.Reporting;

/// <summary>The inputs of the power and energy figures; every one is repeated on the summary.</summary>
public sealed class FleetAssumptions
{
    /// <summary>Power usage effectiveness: facility power over IT power (1.0 = no overhead).</summary>
    public double Pue { get; set; } = DefaultPue;
    /// <summary>Average share of TDP drawn over the year (1.0 = every GPU at TDP all year, an upper bound).</summary>
    public double Utilization { get; set; } = DefaultUtilization;
    /// <summary>Electricity price per kWh, in <see cref="Currency"/>.</summary>
    public double PricePerKwh { get; set; } = DefaultPricePerKwh;
    public string Currency { get; set; } = DefaultCurrency;
    /// <summary>Hours in the year the energy figure covers.</summary>
    public double HoursPerYear { get; set; } = 8760;

    public const double DefaultPue = 1.2;
    public const double DefaultUtilization = 1.0;
    public const double DefaultPricePerKwh = 0.10;
    public const string DefaultCurrency = "USD";
}

using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Reporting;

/// <summary>Totals of a fleet, with every assumption behind them, so a report can show both.</summary>
public sealed class FleetSummary
{
    /// <summary>Physical GPUs counted (MIG slices and fractional VMs as their share of one).</summary>
    public double Gpus { get; set; }
    /// <summary>Distinct catalog models.</summary>
    public int Models { get; set; }
    public GpuMetric Metric { get; set; }
    public string Reference { get; set; } = "";
    /// <summary>Equivalents of the reference under the metric (models without the metric add nothing; a note says so).</summary>
    public double Equivalents { get; set; }
    /// <summary>Dense BF16 tensor PFLOPS (FP16 tensor for chips without BF16).</summary>
    public double Bf16Pflops { get; set; }
    /// <summary>Dense FP8 PFLOPS of the chips that have FP8.</summary>
    public double Fp8Pflops { get; set; }
    /// <summary>FP64 vector PFLOPS.</summary>
    public double Fp64Pflops { get; set; }
    /// <summary>FP64 on the matrix units (zero for chips without an FP64 matrix path).</summary>
    public double Fp64TensorPflops { get; set; }
    /// <summary>GPU memory (HBM/GDDR) in TB (10^12 bytes, as vendors state GB).</summary>
    public double MemoryTB { get; set; }
    /// <summary>IT power of the GPUs at TDP, in MW.</summary>
    public double ItPowerMW { get; set; }
    /// <summary>IT power times PUE, in MW.</summary>
    public double FacilityPowerMW { get; set; }
    /// <summary>Facility energy over a year at the utilization, in GWh.</summary>
    public double AnnualEnergyGWh { get; set; }
    /// <summary>The energy's cost at PricePerKwh, in Currency.</summary>
    public double AnnualEnergyCost { get; set; }

    public double Pue { get; set; }
    public double Utilization { get; set; }
    public double PricePerKwh { get; set; }
    public string Currency { get; set; } = "";
    public double HoursPerYear { get; set; }

    /// <summary>Rows, items or blocks that did not count (each had an error).</summary>
    public long Skipped { get; set; }
    /// <summary>The totals per model.</summary>
    public DisplayList<FleetModelSummary> ByModel { get; set; } = [];
    /// <summary>What the totals leave out or assume (models without a figure, fallbacks).</summary>
    public DisplayList<string> Notes { get; set; } = [];

    /// <summary>GPU-hours measured by dcgm-exporter (Get-GpuUsage input); null when nothing was measured.</summary>
    public double? MeasuredGpuHours { get; set; }
    /// <summary>GPU energy measured by dcgm-exporter over its windows, in kWh (IT energy of the GPUs, no PUE); null when not measured.</summary>
    public double? MeasuredEnergyKWh { get; set; }
    /// <summary>The measured energy annualised (each window scaled to HoursPerYear) and times PUE, in GWh: compare with AnnualEnergyGWh.</summary>
    public double? MeasuredAnnualEnergyGWh { get; set; }
    /// <summary>Measured utilisation (0 to 1), weighted by GPU-hours; null when not measured.</summary>
    public double? MeasuredUtilization { get; set; }
    /// <summary>Where the energy figures come from: the TDP estimate, and the measurement when there is one.</summary>
    public string EnergyBasis { get; set; } = "";
    /// <summary>Where the utilisation comes from: the assumption, and the measurement when there is one.</summary>
    public string UtilizationBasis { get; set; } = "";

    public override string ToString() => $"{Gpus} GPUs, {Equivalents} x {Reference} ({Metric})";

    // --- Cost to buy and to rent (Pricing/FleetCosts); every price is dated on ByModel ---
    /// <summary>Sum of purchase prices of the GPUs that have one (GPUs only: no hosts, network or building); null when none has.</summary>
    public double? PurchaseCost { get; set; }
    /// <summary>The same GPUs rented on demand for HoursPerYear at each model's reference price; null when none has a price.</summary>
    public double? AnnualRentCost { get; set; }
    /// <summary>PurchaseCost spread over Years, plus AnnualEnergyCost; null without a purchase cost or when the currencies differ.</summary>
    public double? AnnualOwnershipCost { get; set; }
    /// <summary>Years the purchase is amortised over.</summary>
    public double Years { get; set; }
    /// <summary>The rent reference: the provider(s) searched for the lowest on-demand price.</summary>
    public string RentProvider { get; set; } = "";
    /// <summary>The region searched (empty = every region).</summary>
    public string RentRegion { get; set; } = "";
    /// <summary>The currency of the prices (the embedded ones are US dollars).</summary>
    public string PriceCurrency { get; set; } = "";
    /// <summary>GPUs with a purchase price (the rest are not in PurchaseCost; Notes name them).</summary>
    public double PurchasePricedGpus { get; set; }
    /// <summary>GPUs with an on-demand price (the rest are not in AnnualRentCost; Notes name them).</summary>
    public double RentPricedGpus { get; set; }
}

/// <summary>One model's share of a fleet.</summary>
public sealed class FleetModelSummary
{
    public string Model { get; set; } = "";
    public double Gpus { get; set; }
    public double Equivalents { get; set; }
    public double Bf16Pflops { get; set; }
    public double Fp8Pflops { get; set; }
    public double Fp64Pflops { get; set; }
    /// <summary>FP64 on the matrix units (zero for chips without an FP64 matrix path).</summary>
    public double Fp64TensorPflops { get; set; }
    public double MemoryTB { get; set; }
    public double ItPowerMW { get; set; }
    /// <summary>The names the input gave for this model.</summary>
    public DisplayList<string> InputNames { get; set; } = [];

    // --- Prices behind the fleet's costs (Pricing/FleetCosts) ---
    /// <summary>The purchase price per GPU used, with its date and source; null when none is known.</summary>
    public Pricing.GpuPrice? PurchasePrice { get; set; }
    /// <summary>The on-demand price per GPU-hour used for rent, with provider, region, date and source; null when none is listed.</summary>
    public Pricing.GpuPrice? RentPrice { get; set; }
    public double? PurchaseCost { get; set; }
    public double? AnnualRentCost { get; set; }

    public override string ToString() => $"{Gpus} x {Model}";
}

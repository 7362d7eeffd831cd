using System.Globalization;
using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Pricing;

/// <summary>The assumptions of a fleet's costs; every one is repeated on the summary.</summary>
public sealed class CostAssumptions
{
    /// <summary>Years a purchase is amortised over.</summary>
    public double Years { get; set; } = DefaultYears;
    /// <summary>The provider whose on-demand prices are the rent reference; null = the lowest of AWS, Azure and GCP.</summary>
    public string? RentProvider { get; set; }
    /// <summary>The region; null = every region.</summary>
    public string? RentRegion { get; set; }

    public const double DefaultYears = 5;
}

/// <summary>
/// Adds the cost to buy, to rent and to own a fleet to its summary. A model without a price adds nothing to
/// that cost, and a note names it: a missing price is never counted as zero.
/// </summary>
public static class FleetCosts
{
    /// <exception cref="CapacityException">Years is not above zero.</exception>
    public static void Apply(FleetSummary fleet, PriceTable prices, CostAssumptions assumptions)
    {
        if (!(assumptions.Years > 0) || double.IsInfinity(assumptions.Years))
            throw new CapacityException(new Problem(ErrorIds.InvalidAssumption, ProblemKind.InvalidArgument,
                $"-Years {assumptions.Years.ToString(CultureInfo.InvariantCulture)} is out of range. The purchase is amortised over more than 0 years.",
                assumptions.Years, recommendedAction: "Give -Years a value above 0, e.g. 5."));
        var notes = fleet.Notes.ToList();
        var currencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var where = Where(assumptions);
        foreach (var model in fleet.ByModel)
        {
            var gpus = model.Gpus.ToString("0.###", CultureInfo.InvariantCulture);
            model.PurchasePrice = prices.Purchase(model.Model);
            model.RentPrice = prices.ReferenceRent(model.Model, assumptions.RentProvider, assumptions.RentRegion);
            if (model.PurchasePrice is { Price: { } each } buy)
            {
                model.PurchaseCost = model.Gpus * each;
                currencies.Add(buy.Currency);
            }
            else notes.Add($"{model.Model} has no purchase price: its {gpus} GPU(s) add nothing to PurchaseCost.");
            if (model.RentPrice is { PricePerGpuHour: { } hourly } rent)
            {
                model.AnnualRentCost = model.Gpus * hourly * fleet.HoursPerYear;
                currencies.Add(rent.Currency);
                if (rent.Note.StartsWith(PriceTable.AcceleratorOnlyNote, StringComparison.Ordinal))
                    notes.Add($"{model.Model}: the rent reference ({rent.Provider} {rent.Region}, {rent.InstanceType}) prices the GPU alone; the VM that carries it is extra.");
            }
            else notes.Add($"{model.Model} has no on-demand price {where}: its {gpus} GPU(s) add nothing to AnnualRentCost.");
        }
        var bought = fleet.ByModel.Where(m => m.PurchaseCost is not null).ToList();
        var rented = fleet.ByModel.Where(m => m.AnnualRentCost is not null).ToList();
        fleet.Years = assumptions.Years;
        fleet.RentProvider = assumptions.RentProvider ?? string.Join(", ", PriceTable.BigClouds) + " (lowest)";
        fleet.RentRegion = assumptions.RentRegion ?? "";
        fleet.PurchaseCost = bought.Count > 0 ? bought.Sum(m => m.PurchaseCost!.Value) : null;
        fleet.AnnualRentCost = rented.Count > 0 ? rented.Sum(m => m.AnnualRentCost!.Value) : null;
        fleet.PurchasePricedGpus = bought.Sum(m => m.Gpus);
        fleet.RentPricedGpus = rented.Sum(m => m.Gpus);
        fleet.PriceCurrency = string.Join(", ", currencies.OrderBy(c => c, StringComparer.Ordinal));
        if (currencies.Count > 1) notes.Add($"The prices are in several currencies ({fleet.PriceCurrency}) and were added as they are: convert them before comparing.");
        if (fleet.PurchaseCost is { } purchase)
        {
            if (currencies.Count == 1 && string.Equals(fleet.PriceCurrency, fleet.Currency, StringComparison.OrdinalIgnoreCase))
                fleet.AnnualOwnershipCost = purchase / assumptions.Years + fleet.AnnualEnergyCost;
            else notes.Add($"AnnualOwnershipCost is not given: the prices are in {fleet.PriceCurrency} and the energy in {fleet.Currency}.");
        }
        if (fleet.PurchaseCost is not null || fleet.AnnualRentCost is not null)
            notes.Add("PurchaseCost and AnnualRentCost price the GPUs alone (list prices, dated on ByModel): hosts, network, buildings, staff and discounts are not in them.");
        fleet.Notes = notes.ToArray();
    }

    private static string Where(CostAssumptions a) => (a.RentProvider, a.RentRegion) switch
    {
        (null, null) => "at AWS, Azure or GCP",
        ({ } p, null) => $"at {p}",
        (null, { } r) => $"in {r}",
        ({ } p, { } r) => $"at {p} in {r}",
    };
}

using System.Text;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Pricing;
using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Tests.Pricing;

/// <summary>Which catalog rows become prices, which price a fleet uses, and what a missing price does.</summary>
public class PriceSelectionTests
{
    private static CloudPriceRow Row(string type, string zone, double? price, double? spot, int gpus = 8, string region = "r1", string provider = "AWS") => new()
    {
        Provider = provider, Region = region, Zone = zone, InstanceType = type, GpuId = "H100-SXM5-80GB", GpusPerInstance = gpus,
        Price = price, SpotPrice = spot, AsOf = "2026", Source = "test",
    };

    [Fact]
    public void MissingOnDemandGivesNoOnDemandRowButKeepsARealSpot()
    {
        var prices = PriceTable.FromCloudRows([Row("p5e", "a", null, 40), Row("p5e", "b", null, 32)]);
        var only = Assert.Single(prices);
        Assert.Equal(PriceKind.Spot, only.Kind);
        Assert.Equal(4.0, only.PricePerGpuHour);
        Assert.Equal("b", only.Zone);
    }

    [Fact]
    public void PlaceholderPricesAreNeverPrices()
    {
        var prices = PriceTable.FromCloudRows([Row("tpu", "a", 700.0, 700.0, gpus: 1), Row("tpu2", "a", 2.7, 700.0, gpus: 1)]);
        var only = Assert.Single(prices);
        Assert.Equal("tpu2", only.InstanceType);
        Assert.Equal(PriceKind.OnDemand, only.Kind);
        Assert.Equal(2.7, only.PricePerGpuHour);
    }

    [Fact]
    public void SpotEqualToOnDemandIsNotASpotQuote()
    {
        var prices = PriceTable.FromCloudRows([Row("p5.4x", "a", 6.88, 6.88, gpus: 1), Row("p5.4x", "b", 6.88, null, gpus: 1)]);
        var only = Assert.Single(prices);
        Assert.Equal(PriceKind.OnDemand, only.Kind);
        Assert.Equal("", only.Zone);
        Assert.Equal(6.88, only.PricePerGpuHour);
    }

    [Fact]
    public void ZonesCollapseToTheLowestPerGpu()
    {
        var prices = PriceTable.FromCloudRows([Row("p5", "a", 60, 20), Row("p5", "b", 55.04, 16), Row("p5", "c", 55.04, 24)]);
        var onDemand = prices.Single(p => p.Kind == PriceKind.OnDemand);
        Assert.Equal(6.88, onDemand.PricePerGpuHour!.Value, 10);
        Assert.Equal(55.04, onDemand.InstancePricePerHour);
        Assert.Equal(8, onDemand.GpusPerInstance);
        Assert.Equal(2.0, prices.Single(p => p.Kind == PriceKind.Spot).PricePerGpuHour);
    }

    [Fact]
    public void EmbeddedCloudPricesFollowTheRules()
    {
        var table = PriceTable.Embedded;
        // p5e.48xlarge has no on-demand price in any region.
        Assert.DoesNotContain(table.Prices, p => p.InstanceType == "p5e.48xlarge" && p.Kind == PriceKind.OnDemand);
        Assert.Contains(table.Prices, p => p.InstanceType == "p5e.48xlarge" && p.Kind == PriceKind.Spot);
        // p5.48xlarge us-east-1: 55.04 / 8; p5.4xlarge the same per GPU; p4d 21.957642 / 8; p6-b300 142.416 / 8.
        Assert.Equal(6.88, OnDemand(table, "p5.48xlarge", "us-east-1"), 10);
        Assert.Equal(6.88, OnDemand(table, "p5.4xlarge", "us-east-1"), 10);
        Assert.Equal(21.957642 / 8, OnDemand(table, "p4d.24xlarge", "us-east-1"), 10);
        Assert.Equal(17.802, OnDemand(table, "p6-b300.48xlarge", "us-west-2"), 10);
        // Azure's ND96isr H100 v5 has 8 GPUs, not the catalog's 12.
        Assert.Equal(98.32 / 8, OnDemand(table, "Standard_ND96isr_H100_v5", "eastus"), 10);
        // No placeholder, and no spot equal to its on-demand price.
        Assert.DoesNotContain(table.Prices, p => p.InstancePricePerHour == PriceTable.PlaceholderPrice);
        var onDemand = table.Prices.Where(p => p.Kind == PriceKind.OnDemand).ToDictionary(p => (p.Provider, p.Region, p.InstanceType), p => p.InstancePricePerHour);
        Assert.DoesNotContain(table.Prices.Where(p => p.Kind == PriceKind.Spot), p => p.Zone == "" && onDemand.TryGetValue((p.Provider, p.Region, p.InstanceType), out var od) && od == p.InstancePricePerHour);
        Assert.All(table.Prices, p => Assert.False(string.IsNullOrWhiteSpace(p.Source) || string.IsNullOrWhiteSpace(p.AsOf)));
        Assert.All(table.Prices, p => Assert.NotNull(GpuCatalog.Embedded.GetById(p.Model)));
    }

    private static double OnDemand(PriceTable table, string type, string region) =>
        table.Prices.Single(p => p.InstanceType == type && p.Region == region && p.Kind == PriceKind.OnDemand).PricePerGpuHour!.Value;

    [Fact]
    public void PurchaseIsTheNewestAndTheMedianOfTheSameDay()
    {
        var table = PriceTable.Embedded;
        // H100 SXM on 2025-03-03: 28,750, 31,250 and 46,875 per GPU; the median is 31,250.
        var h100 = table.Purchase("H100-SXM5-80GB")!;
        Assert.Equal(31250, h100.Price);
        Assert.Equal("2025-03-03", h100.AsOf);
        Assert.Equal(47409.13, table.Purchase("B200")!.Price);
        Assert.Equal(39083.38, table.Purchase("H200-SXM-141GB")!.Price);
        Assert.Null(table.Purchase("L4"));
        var even = new PriceTable([Buy(10, "2025-01-01"), Buy(30, "2025-01-01"), Buy(20, "2025-01-01"), Buy(40, "2025-01-01"), Buy(5, "2024-01-01")]);
        Assert.Equal(20, even.Purchase("H100-SXM5-80GB")!.Price);
    }

    private static GpuPrice Buy(double price, string asOf) => new() { Model = "H100-SXM5-80GB", Kind = PriceKind.Purchase, Price = price, AsOf = asOf, Source = "t" };

    [Fact]
    public void RentReferenceIsTheLowestOnDemandOfTheBigCloudsUnlessAProviderOrRegionIsGiven()
    {
        var table = PriceTable.Embedded.With([new GpuPrice { Model = "H100-SXM5-80GB", Provider = "Lambda", Region = "us-west-1", Kind = PriceKind.OnDemand, PricePerGpuHour = 2.99, AsOf = "2025", Source = "t" }]);
        var all = table.Find("H100-SXM5-80GB", null, null, PriceKind.OnDemand).Where(p => p.Provider != "Lambda").Min(p => p.PricePerGpuHour);
        var reference = table.ReferenceRent("H100-SXM5-80GB", null, null)!;
        Assert.Equal(all, reference.PricePerGpuHour);
        Assert.NotEqual("Lambda", reference.Provider);
        Assert.Equal(2.99, table.ReferenceRent("H100-SXM5-80GB", "lambda", null)!.PricePerGpuHour);
        Assert.Equal(98.32 / 8, table.ReferenceRent("H100-SXM5-80GB", "Azure", "eastus")!.PricePerGpuHour!.Value, 10);
        Assert.Null(table.ReferenceRent("H100-SXM5-80GB", "GCP", null));
    }

    [Fact]
    public void AMissingPriceIsANoteNotAZero()
    {
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions { PricePerKwh = 0.1 });
        fleet.Add("H100-SXM5-80GB", 100);
        fleet.Add("L4", 10);
        var summary = fleet.Result();
        FleetCosts.Apply(summary, PriceTable.Embedded, new CostAssumptions { Years = 4 });
        Assert.Equal(100 * 31250.0, summary.PurchaseCost);
        Assert.Equal(100, summary.PurchasePricedGpus);
        Assert.Contains(summary.Notes, n => n.StartsWith("L4 has no purchase price"));
        var h100Rent = PriceTable.Embedded.ReferenceRent("H100-SXM5-80GB", null, null)!.PricePerGpuHour!.Value;
        var l4Rent = PriceTable.Embedded.ReferenceRent("L4", null, null)!.PricePerGpuHour!.Value;
        Assert.Equal((100 * h100Rent + 10 * l4Rent) * 8760, summary.AnnualRentCost!.Value, 6);
        Assert.Equal(110, summary.RentPricedGpus);
        Assert.Contains(summary.Notes, n => n.StartsWith("L4: the rent reference (GCP ") && n.EndsWith("prices the GPU alone; the VM that carries it is extra."));
        Assert.Equal(100 * 31250.0 / 4 + summary.AnnualEnergyCost, summary.AnnualOwnershipCost!.Value, 6);
        Assert.Equal(4, summary.Years);
        Assert.Equal("USD", summary.PriceCurrency);
        Assert.Equal("2025-03-03", summary.ByModel.Single(m => m.Model == "H100-SXM5-80GB").PurchasePrice!.AsOf);
    }

    [Fact]
    public void NoPriceAtAllLeavesTheCostNull()
    {
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions());
        fleet.Add("L4", 10);
        var summary = fleet.Result();
        FleetCosts.Apply(summary, PriceTable.Embedded, new CostAssumptions { RentProvider = "AWS" });
        Assert.Null(summary.PurchaseCost);
        Assert.Null(summary.AnnualRentCost);
        Assert.Null(summary.AnnualOwnershipCost);
        Assert.Contains(summary.Notes, n => n == "L4 has no on-demand price at AWS: its 10 GPU(s) add nothing to AnnualRentCost.");
    }

    [Fact]
    public void OwnershipNeedsOneCurrency()
    {
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions { Currency = "EUR" });
        fleet.Add("H100-SXM5-80GB", 1);
        var summary = fleet.Result();
        FleetCosts.Apply(summary, PriceTable.Embedded, new CostAssumptions());
        Assert.NotNull(summary.PurchaseCost);
        Assert.Null(summary.AnnualOwnershipCost);
        Assert.Contains(summary.Notes, n => n.Contains("prices are in USD and the energy in EUR"));
        Assert.Throws<CapacityException>(() => FleetCosts.Apply(summary, PriceTable.Embedded, new CostAssumptions { Years = 0 }));
    }

    [Fact]
    public void UserRowsNeedADateASourceAndAKnownModel()
    {
        var text = "Model,Kind,Provider,Region,InstanceType,PricePerGpuHour,Price,Currency,AsOf,Source\n" +
                   "H100,OnDemand,Lambda,us-west-1,8x,2.99,,USD,2025-06-01,quote\n" +
                   "H100,OnDemand,Lambda,us-west-1,8x,2.99,,USD,,quote\n" +
                   "H100,Purchase,,,,,25000,USD,2025-06-01,\n" +
                   "NoSuchGpu 9000,Purchase,,,,,25000,USD,2025-06-01,quote\n" +
                   "H100,Rent,,,,,25000,USD,2025-06-01,quote\n" +
                   "H100,Purchase,,,,,-5,USD,2025-06-01,quote\n" +
                   "L4,Purchase,,,,,2500,USD,2025-05-15,quote\n";
        var problems = new List<Problem>();
        var prices = PriceTable.ReadUser(new StringReader(text), "user.csv", GpuCatalog.Embedded, problems);
        Assert.Equal(["H100-SXM5-80GB", "L4"], prices.Select(p => p.Model));
        Assert.Equal(5, problems.Count);
        Assert.Equal([3L, 4, 5, 6, 7], problems.Select(p => p.Location!.Line));
        Assert.Equal(2500, PriceTable.Embedded.With(prices).Purchase("L4")!.Price);
        Assert.Null(PriceTable.Embedded.Purchase("L4"));
    }
}

using System.IO;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Reporting;
using CapacityTools.Core.Tests.Inventory;

namespace CapacityTools.Core.Tests.Reporting;

public class FleetCalculatorTests
{
    [Fact]
    public void TotalsTheSeedClaim()
    {
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions { Pue = 1.5, Utilization = 0.6, PricePerKwh = 0.2, Currency = "EUR" });
        Assert.Null(fleet.Add("A100-SXM4-80GB", 350_000));
        var s = fleet.Result();
        Assert.Equal(350_000, s.Gpus);
        Assert.Equal(1, s.Models);
        Assert.Equal(350_000 * 312 / 989.4, s.Equivalents, 6);
        Assert.Equal(109_200, s.Bf16Pflops, 6);
        Assert.Equal(0, s.Fp8Pflops);
        Assert.Equal(350_000 * 9.7 / 1000, s.Fp64Pflops, 6);
        Assert.Equal(350_000 * 19.5 / 1000, s.Fp64TensorPflops, 6);
        Assert.Equal(28_000, s.MemoryTB, 6);
        Assert.Equal(140, s.ItPowerMW, 9);
        Assert.Equal(210, s.FacilityPowerMW, 9);
        Assert.Equal(210 * 0.6 * 8760 / 1000, s.AnnualEnergyGWh, 9);
        Assert.Equal(210 * 0.6 * 8760 * 1000 * 0.2, s.AnnualEnergyCost, 3);
        Assert.Equal("EUR", s.Currency);
        Assert.Contains(s.Notes, n => n.Contains("no FP8"));
    }

    [Fact]
    public void CountsInstanceTypesMigSlicesAndFallbacks()
    {
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions());
        fleet.Add("p5.48xlarge", 2);
        fleet.Add("NVIDIA-A100-SXM4-40GB-MIG-1g.5gb", 7);
        fleet.Add("Tesla V100-SXM2-32GB", 4);
        var s = fleet.Result();
        Assert.Equal(16 + 1 + 4, s.Gpus, 9);
        Assert.Equal(16 * 989.4 / 1000 + 312.0 / 1000 + 4 * 125.0 / 1000, s.Bf16Pflops, 9);
        Assert.Contains(s.Notes, n => n.Contains("V100-SXM2-32GB: Bf16Pflops uses FP16"));
    }

    [Theory]
    [InlineData(0.9, 1, 0.1)]
    [InlineData(1.2, 1.1, 0.1)]
    [InlineData(1.2, 1, -0.1)]
    public void RejectsAssumptionsOutOfRange(double pue, double utilization, double price)
    {
        var ex = Assert.Throws<CapacityException>(() => new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions { Pue = pue, Utilization = utilization, PricePerKwh = price }));
        Assert.Equal("InvalidAssumption", ex.Problem.ErrorId);
    }

    [Fact]
    public void PowerSaysWhatItCoversAndNeverReadsZeroInSilence()
    {
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions());
        fleet.Add("v5p-8", 2);         // 8 TPU v5p chips at Epoch AI's 540 W estimate
        fleet.Add("trn1.32xlarge", 1); // 16 Trainium chips, no published power
        fleet.Add("GH200 480GB", 4);   // a superchip module's power, Grace included
        var s = fleet.Result();
        Assert.Equal((8 * 540 + 4 * 1000) / 1e6, s.ItPowerMW, 9);
        Assert.Contains(s.Notes, n => n.StartsWith("TPU-V5P's power is 540 W") && n.Contains("Epoch AI estimate"));
        Assert.Contains(s.Notes, n => n.StartsWith("TRAINIUM has no TDP") && n.Contains("None published"));
        Assert.Contains(s.Notes, n => n.StartsWith("GH200-96GB's power is 1000 W") && n.Contains("Grace CPU"));
        Assert.All(GpuCatalog.Embedded.Specs, spec => Assert.False(string.IsNullOrWhiteSpace(spec.TdpBasis), spec.Id));
    }

    [Fact]
    public void BulkAndItemsGiveTheSameTotals()
    {
        foreach (var sample in new[] { "fleet.csv", "cloud-instances.csv", "fleet-bad.csv" })
        {
            var bulk = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions(), GpuMetric.Epoch8Bit);
            var sink = new ListSink();
            var problems = sink.Problems;
            var scanner = new CsvFleetScanner(GpuCatalog.Embedded, new InventoryOptions());
            foreach (var m in scanner.Scan(InventoryRead.PathOf(sample), sample, sink)) bulk.Add(m.Resolution, m.Units, m.FirstSeen);

            var items = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions(), GpuMetric.Epoch8Bit);
            var read = InventoryRead.File(sample);
            foreach (var item in read.Items.Where(i => i.Model is not null)) Assert.Null(items.Add(item.Model, item.Count));

            var a = bulk.Result();
            var b = items.Result();
            Assert.Equal(a.Gpus, b.Gpus, 6);
            Assert.Equal(a.Equivalents, b.Equivalents, 6);
            Assert.Equal(a.ItPowerMW, b.ItPowerMW, 9);
            Assert.Equal(read.Problems.Count, problems.Count);
            Assert.Equal(read.Problems.Select(p => p.Location!.Line), problems.Select(p => p.Location!.Line));
            Assert.Equal(read.Stats.Skipped, scanner.Skipped);
        }
    }

    [Fact]
    public void BulkScanResolvesEachDistinctNameOnceAndCountsLargeFiles()
    {
        var path = Path.Combine(Path.GetTempPath(), $"capacitytools-scan-{Guid.NewGuid():N}.csv");
        try
        {
            using (var w = new StreamWriter(path))
            {
                w.Write("Gpu,Qty\n");
                for (var i = 0; i < 50_000; i++) w.Write(i % 2 == 0 ? "NVIDIA H100 80GB HBM3,3\n" : "\"gpu:a100:8(S:0-1)\",2\n");
            }
            var scanner = new CsvFleetScanner(GpuCatalog.Embedded, new InventoryOptions());
            var models = scanner.Scan(path, "big.csv", new ThrowingSink());
            Assert.Equal(50_000, scanner.Rows);
            Assert.Equal(2, models.Count);
            Assert.Equal(75_000, models[0].Units);
            Assert.Equal(25_000, models[0].Rows);
            Assert.Equal(50_000, models[1].Units);
            Assert.Equal(8, models[1].Resolution.GpusPerUnit);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void BulkScanStopsWhenCancelled()
    {
        var path = Path.Combine(Path.GetTempPath(), $"capacitytools-cancel-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "Model\n" + string.Concat(Enumerable.Repeat("T4\n", 40_000)));
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            var scanner = new CsvFleetScanner(GpuCatalog.Embedded, new InventoryOptions());
            Assert.ThrowsAny<OperationCanceledException>(() => scanner.Scan(path, "c.csv", new ListSink(), null, cts.Token));
            Assert.True(scanner.Rows < 40_000);
        }
        finally { File.Delete(path); }
    }
}

using CapacityTools.Core.Gpu;
using CapacityTools.Core.Inventory;
using CapacityTools.Core.Reporting;

namespace CapacityTools.Core.Tests.Inventory;

/// <summary>A count named for GPUs is GPUs even where the model is an instance type; one named for items is instances.</summary>
public class CountUnitsTests
{
    [Theory]
    [InlineData("InstanceType,Gpus\np4d.24xlarge,8\n", 8)]
    [InlineData("InstanceType,GpuCount\np4d.24xlarge,16\n", 16)]
    [InlineData("InstanceType,Count\np4d.24xlarge,8\n", 64)]
    [InlineData("InstanceType,Instances\np4d.24xlarge,2\n", 16)]
    [InlineData("Model,Gpus\nA100-SXM4-40GB,8\n", 8)]
    public void TheColumnNameSaysWhetherTheCountIsGpusOrInstances(string csv, double gpus)
    {
        var read = InventoryRead.Text(csv);
        Assert.Empty(read.Problems);
        Assert.Equal(gpus, read.Total);

        var path = Path.Combine(Path.GetTempPath(), $"capacitytools-units-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try
        {
            var scanned = new CsvFleetScanner(GpuCatalog.Embedded, new InventoryOptions()).Scan(path, "u.csv", new ThrowingSink());
            var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions(), GpuMetric.Bf16);
            foreach (var m in scanned) fleet.Add(m.Resolution, m.Units, m.FirstSeen);
            Assert.Equal(gpus, fleet.Result().Gpus);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void AGpuCountThatIsNotAWholeNumberOfInstancesWarnsAndStillCountsTheGpus()
    {
        var read = InventoryRead.Text("InstanceType,Gpus\np4d.24xlarge,12\n");
        Assert.Equal(12, read.Total);
        Assert.Contains(read.Warnings, w => w.Contains("not a whole number of instances") && w.Contains(":2:"));
    }

    [Fact]
    public void CalculatorsApplyTheSameRuleToPipelineCounts()
    {
        var sink = new ListSink();
        var fleet = new FleetCalculator(GpuCatalog.Embedded, new FleetAssumptions(), GpuMetric.Bf16, sink: sink);
        Assert.Null(fleet.Add("p4d.24xlarge", 8, countIsGpus: true));
        Assert.Null(fleet.Add("p4d.24xlarge", 1));
        Assert.Null(fleet.Add("p4d.24xlarge", 12, countIsGpus: true));
        Assert.Equal(28, fleet.Result().Gpus);
        Assert.Contains(sink.Warnings, w => w.Contains("not a whole number of instances"));
    }
}

using CapacityTools.Core.Inventory;
using CapacityTools.Core.Gpu;

namespace CapacityTools.Core.Tests.Inventory;

public class CsvInventoryTests
{
    [Fact]
    public void ReadsAFleetExportRowByRow()
    {
        var read = InventoryRead.File("fleet.csv");
        Assert.Empty(read.Problems);
        Assert.Empty(read.Warnings);
        Assert.Equal(7, read.Items.Count);
        Assert.Equal(16, read.Gpus("A100-SXM4-80GB"));
        Assert.Equal(16, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(8, read.Gpus("MI300X"));
        Assert.Equal(4, read.Gpus("L40S"));
        Assert.Equal(4, read.Gpus("V100-SXM2-32GB"));
        var first = read.Items[0];
        Assert.Equal("gpu-a001", first.Host);
        Assert.Equal("NVIDIA A100-SXM4-80GB", first.RawName);
        Assert.Equal("fleet.csv", first.Source!.File);
        Assert.Equal(2, first.Source.Line);
        Assert.Equal(8, read.Items[6].Source!.Line);
    }

    [Fact]
    public void MapsOtherColumnNamesWhenTold()
    {
        var read = InventoryRead.File("fleet-custom-columns.csv", options: new InventoryOptions { ModelColumn = "card", CountColumn = "n", HostColumn = "node_fqdn" });
        Assert.Empty(read.Problems);
        Assert.Equal(16, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(8, read.Gpus("B200"));
        Assert.Equal("hgx07.example.org", read.Items[2].Host);
    }

    [Fact]
    public void AColumnThatIsNotThereStopsTheRead()
    {
        var ex = Assert.Throws<CapacityException>(() => InventoryRead.File("fleet.csv", options: new InventoryOptions { CountColumn = "Units" }));
        Assert.Equal("ColumnNotFound", ex.Problem.ErrorId);
        Assert.Contains("'Count'", ex.Problem.Message);
    }

    [Fact]
    public void NoModelColumnStopsTheRead()
    {
        var ex = Assert.Throws<CapacityException>(() => InventoryRead.Text("rack,slot\nr1,4\n", InventoryFormat.Csv));
        Assert.Equal("ModelColumnNotFound", ex.Problem.ErrorId);
    }

    [Fact]
    public void EveryBadRowIsAnErrorWithItsLineAndTheGoodRowsStillCount()
    {
        var read = InventoryRead.File("fleet-bad.csv");
        Assert.Equal(8, read.Gpus("A100-SXM4-80GB"));
        Assert.Equal(4, read.Gpus("H100-SXM5-80GB"));
        var byLine = read.Problems.ToDictionary(p => p.Location!.Line);
        Assert.Equal("MissingGpuModel", byLine[3].ErrorId);
        Assert.Equal("InvalidGpuCount", byLine[4].ErrorId);
        Assert.Contains("negative", byLine[4].Message);
        Assert.False(byLine.ContainsKey(5)); // zero GPUs is a valid count that adds nothing
        Assert.Contains("whole number", byLine[6].Message);
        Assert.Contains("not a number", byLine[7].Message);
        Assert.Contains("more than 10,000,000", byLine[8].Message);
        Assert.Equal("MalformedCsvRecord", byLine[9].ErrorId);
        Assert.Equal("UnknownGpuModel", byLine[10].ErrorId);
        Assert.All(read.Problems, p => Assert.Equal("fleet-bad.csv", p.Location!.File));
        Assert.Equal(7, read.Stats.Skipped);
        var summary = Assert.Single(read.Warnings);
        Assert.Contains("7 of 10", summary);
        // A row that names no type still reports its GPUs, without a model.
        Assert.Contains(read.Items, i => i.Model is null && i.Host == "unknown" && i.Count == 4);
    }

    [Fact]
    public void ExpandsCloudInstancesThroughTheCatalog()
    {
        var read = InventoryRead.File("cloud-instances.csv");
        Assert.Empty(read.Problems);
        Assert.Equal(32, read.Gpus("A100-SXM4-40GB"));
        Assert.Equal(16 + 24 + 16, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(1, read.Gpus("A10"), 4);
        Assert.Equal(16, read.Gpus("TPU-V5E"));
        Assert.Equal(10, read.Gpus("A10G"));
        Assert.Equal("p4d.24xlarge", read.Items[0].RawName);
        Assert.Contains("8 x A100-SXM4-40GB", read.Items[0].Note);
    }

    [Fact]
    public void CountsNvidiaSmiQueryRowsAsOneGpuEachWithMemory()
    {
        var read = InventoryRead.File("nvidia-smi-query.csv");
        var item = Assert.Single(read.Items);
        Assert.Equal("A100-SXM4-80GB", item.Model);
        Assert.Equal(4, item.Count);
        Assert.Equal(81920, item.MemoryMiB);

        var mixed = InventoryRead.File("nvidia-smi-query-mixed.csv");
        Assert.Equal(2, mixed.Items.Count);
        Assert.Equal(4, mixed.Gpus("H100-SXM5-80GB"));
        Assert.Equal(2, mixed.Gpus("L40S"));
        Assert.Equal(81559, mixed.Items[0].MemoryMiB);
        Assert.Equal(46068, mixed.Items[1].MemoryMiB);
    }

    [Fact]
    public void ReadsNvidiaSmiCsvWithoutHeader()
    {
        // nvidia-smi --query-gpu=name,memory.total --format=csv,noheader: every line is a GPU.
        var read = InventoryRead.File("nvidia-smi-query-noheader.csv");
        Assert.Empty(read.Problems);
        Assert.Equal(4, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(1, read.Gpus("L40S"));

        var names = InventoryRead.Text("Tesla T4\nTesla T4\n", host: "edge-07");
        Assert.Equal(2, names.Gpus("T4"));
        Assert.Equal("edge-07", names.Items[0].Host);
        Assert.Equal("<pipeline>:1", names.Items[0].Source?.ToString());
    }

    [Fact]
    public void AFirstLineThatIsNoGpuIsStillAHeader()
    {
        var ex = Assert.Throws<CapacityException>(() => InventoryRead.Text("Server,Rack\nnode1,r1\n"));
        Assert.Equal("ModelColumnNotFound", ex.Problem.ErrorId);
    }

    [Fact]
    public void ReadsSemicolonAndTabSeparatedText()
    {
        var read = InventoryRead.Text("GPU Model\tQuantity\tHostname\nNVIDIA L4\t2\tedge-01\n");
        Assert.Equal(2, read.Gpus("L4"));
        Assert.Equal("edge-01", read.Items[0].Host);
    }
}

public class MigSliceUnitTests
{
    [Fact]
    public void SlicesThatNameTheirGpuCountItOnce()
    {
        var read = InventoryRead.File("mig-slices-by-gpu.csv");
        Assert.Empty(read.Problems);
        // n1: two GPUs (…01 carries 3 x 1g.20gb and 1 x 3g.40gb, …02 two 3g.40gb); n2: one 7g.80gb GPU, one whole GPU,
        // and two 1g.20gb slices whose cell is a MIG device's own UUID, so they are their memory share (2 x 1/4).
        Assert.Equal(2 + 1 + 1 + 0.5, read.Gpus("H100-SXM5-80GB"), 6);
        Assert.Equal(9, read.Items.Sum(i => i.MigSlices));
        var n1 = read.Items.Where(i => i.Host == "n1").ToList();
        Assert.All(n1, i => Assert.Contains("slices on one GPU count it once", i.Note));
        Assert.Contains(read.Items, i => i.Host == "n2" && i.Note.Contains("estimated from the slices' share"));
    }

    [Fact]
    public void SlicesWithoutTheirGpuAreAnEstimateThatSaysSo()
    {
        var read = InventoryRead.Text("Host,Model,Count\nn1,NVIDIA H100 80GB HBM3 MIG 1g.20gb,7\n", InventoryFormat.Csv);
        // 1g.20gb holds a quarter of the memory: seven of them cannot fit on fewer than 7/4 GPUs.
        Assert.Equal(1.75, read.Gpus("H100-SXM5-80GB"), 6);
        Assert.Contains("estimated from the slices' share", read.Items[0].Note);
    }

    [Fact]
    public void AGpuIndexWithoutAHostDoesNotGroup()
    {
        var read = InventoryRead.Text("GpuIndex,Model\n0,NVIDIA H100 80GB HBM3 MIG 3g.40gb\n0,NVIDIA H100 80GB HBM3 MIG 3g.40gb\n0,NVIDIA H100 80GB HBM3 MIG 3g.40gb\n", InventoryFormat.Csv);
        Assert.Equal(1.5, read.Gpus("H100-SXM5-80GB"), 6);
    }

    [Fact]
    public void TheBulkScanGivesTheSameTotalsForSlicesThatNameTheirGpu()
    {
        var sink = new ListSink();
        var bulk = new BulkFleetReader(GpuCatalog.Embedded, new InventoryOptions());
        var models = bulk.Read(InventoryRead.PathOf("mig-slices-by-gpu.csv"), "mig.csv", sink);
        Assert.Equal(4.5, models.Where(m => m.Resolution.Id == "H100-SXM5-80GB").Sum(m => m.Units), 6);
    }
}

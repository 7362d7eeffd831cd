using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Tests.Inventory;

public class NvidiaSmiTests
{
    [Fact]
    public void XmlV12CountsEachGpuWithItsMemory()
    {
        var read = InventoryRead.File("nvidia-smi-q-x-v12-h100.xml");
        Assert.Empty(read.Problems);
        Assert.Empty(read.Warnings);
        var item = Assert.Single(read.Items);
        Assert.Equal("H100-SXM5-80GB", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(0, item.MigSlices);
        Assert.Equal(81559, item.MemoryMiB);
        Assert.Equal(InventoryFormat.NvidiaSmiXml, item.Format);
        Assert.Equal(8, item.Source!.Line);
    }

    [Fact]
    public void XmlMigDevicesAreSlicesNotGpus()
    {
        var read = InventoryRead.File("nvidia-smi-q-x-v11-a100-mig.xml");
        var item = Assert.Single(read.Items);
        Assert.Equal("A100-SXM4-40GB", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(3, item.MigSlices);
        Assert.Contains("MIG", item.Note);
    }

    [Fact]
    public void XmlV10ReadsTheOlderSchema()
    {
        var read = InventoryRead.File("nvidia-smi-q-x-v10-v100.xml");
        var item = Assert.Single(read.Items);
        Assert.Equal("V100-SXM2-32GB", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(32480, item.MemoryMiB);
    }

    [Fact]
    public void TruncatedXmlKeepsTheGpusBeforeTheBreakAndWarnsAboutTheHeader()
    {
        var read = InventoryRead.File("nvidia-smi-q-x-truncated.xml");
        Assert.Equal(1, read.Gpus("H100-SXM5-80GB"));
        var problem = Assert.Single(read.Problems);
        Assert.Equal("InvalidInventoryData", problem.ErrorId);
        Assert.True(problem.Location!.Line > 50);
        Assert.Contains(read.Warnings, w => w.Contains("attached_gpus 4") && w.Contains("1 <gpu>"));
        Assert.Contains(read.Warnings, w => w.Contains("skipped"));
    }

    [Fact]
    public void QueryTextCountsGpusAndMigDevices()
    {
        var read = InventoryRead.File("nvidia-smi-q.txt");
        Assert.Empty(read.Problems);
        Assert.Empty(read.Warnings);
        var item = Assert.Single(read.Items);
        Assert.Equal("A100-SXM4-80GB", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(2, item.MigSlices);
        Assert.Equal(81920, item.MemoryMiB);
    }

    [Fact]
    public void ListCountsGpusPerModelAndMigLinesAsSlices()
    {
        var read = InventoryRead.File("nvidia-smi-L.txt");
        Assert.Empty(read.Problems);
        Assert.Equal(2, read.Items.Count);
        var a100 = read.Items.Single(i => i.Model == "A100-SXM4-80GB");
        Assert.Equal(2, a100.Count);
        Assert.Equal(3, a100.MigSlices);
        var h100 = read.Items.Single(i => i.Model == "H100-SXM5-80GB");
        Assert.Equal(2, h100.Count);
        Assert.Equal(2, h100.MigSlices);
        Assert.Equal(6, h100.Source!.Line);

        var r450 = InventoryRead.File("nvidia-smi-L-r450.txt");
        var item = Assert.Single(r450.Items);
        Assert.Equal("A100-SXM4-40GB", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(2, item.MigSlices);
    }

    [Fact]
    public void ListRejectsALineCutShort()
    {
        var read = InventoryRead.Text("GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d43)\nGPU 1: NVIDIA H100 80G\n");
        Assert.Equal(1, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(2, Assert.Single(read.Problems).Location!.Line);
    }

    [Fact]
    public void TableReadsGpuRowsMemoryAndMigDevices()
    {
        var read = InventoryRead.File("nvidia-smi-table.txt");
        Assert.Empty(read.Problems);
        var h100 = read.Items.Single(i => i.Model == "H100-SXM5-80GB");
        Assert.Equal(2, h100.Count);
        Assert.Equal(3, h100.MigSlices);
        Assert.Equal(81559, h100.MemoryMiB);
        Assert.Equal(1, read.Gpus("L40S"));
    }

    [Fact]
    public void TableNamesCutShortAreErrorsNotGuesses()
    {
        var read = InventoryRead.File("nvidia-smi-table-r470.txt");
        Assert.Equal(1, read.Gpus("T4"));
        var problem = Assert.Single(read.Problems);
        Assert.Equal("TruncatedGpuName", problem.ErrorId);
        Assert.Equal(13, problem.Location!.Line);
    }
}

public class KubernetesTests
{
    [Fact]
    public void NodeListCountsPhysicalGpusAndReportsSlicesAndReplicas()
    {
        var read = InventoryRead.File("kubectl-nodes.json");
        GpuInventoryItem Node(string host) => read.Items.Single(i => i.Host == host);

        var full = Node("dgx-a100-01");
        Assert.Equal("A100-SXM4-80GB", full.Model);
        Assert.Equal(8, full.Count);
        Assert.Equal(81920, full.MemoryMiB);

        var mixed = Node("dgx-a100-02");
        Assert.Equal("A100-SXM4-80GB", mixed.Model);
        Assert.Equal(2, mixed.Count);
        Assert.Equal(9, mixed.MigSlices);
        Assert.Contains("mixed", mixed.Note);

        var single = Node("hgx-h100-01");
        Assert.Equal("H100-SXM5-80GB", single.Model);
        Assert.Equal(8, single.Count);
        Assert.Equal(56, single.MigSlices);

        var shared = Node("t4-shared-01");
        Assert.Equal("T4", shared.Model);
        Assert.Equal(4, shared.Count);
        Assert.Equal(16, shared.Replicas);
        Assert.Equal("Tesla-T4-SHARED", shared.RawName);

        var amd = Node("mi300x-01");
        Assert.Equal("MI300X", amd.Model);
        Assert.Equal(8, amd.Count);
        Assert.Equal(192 * 1024, amd.MemoryMiB);

        var tpu = Node("gke-tpu-v5e-pool-1a2b");
        Assert.Equal("TPU-V5E", tpu.Model);
        Assert.Equal(8, tpu.Count);
        Assert.Contains("2x4", tpu.Note);

        Assert.Equal("L4", Node("gke-l4-pool-3c4d").Model);

        var untyped = Node("gpu-nolabels-01");
        Assert.Null(untyped.Model);
        Assert.Equal(4, untyped.Count);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("GpuTypeMissing", problem.ErrorId);
        Assert.Contains("gpu-nolabels-01", problem.Message);

        Assert.DoesNotContain(read.Items, i => i.Host == "cpu-worker-01");
        Assert.Equal(8 + 2 + 8 + 4 + 8 + 8 + 1, read.Total);
    }

    [Fact]
    public void NodesKnowTheirLine()
    {
        var read = InventoryRead.File("kubectl-nodes.json");
        var lines = read.Items.Select(i => i.Source!.Line).ToList();
        Assert.Equal(lines.OrderBy(l => l), lines);
        Assert.True(lines[1] > lines[0] + 20);
    }

    [Fact]
    public void TruncatedJsonKeepsTheCompleteNodes()
    {
        var read = InventoryRead.File("kubectl-nodes-truncated.json");
        Assert.Equal(10, read.Total);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("InvalidInventoryData", problem.ErrorId);
        Assert.True(problem.Location!.Line > 100);
    }

    [Fact]
    public void ReadsOneNodeAndALabelsMap()
    {
        var node = InventoryRead.File("kubectl-node-single.json");
        Assert.Equal(8, node.Gpus("A100-SXM4-80GB"));
        Assert.Equal("dgx-a100-01", node.Items[0].Host);

        var labels = InventoryRead.File("node-labels.json");
        var item = Assert.Single(labels.Items);
        Assert.Equal("A100-SXM4-40GB", item.Model);
        Assert.Equal(8, item.Count);
        Assert.Equal("a2-highgpu-8g-node-7", item.Host);
        Assert.Equal(InventoryFormat.KubernetesLabels, item.Format);
    }
}

public class KubernetesCloudLabelTests
{
    [Fact]
    public void ReadsKarpenterGkeAmdDeviceIdNeuronAndTpuNodes()
    {
        var read = InventoryRead.File("kubectl-nodes-clouds.json");
        GpuInventoryItem Item(string host) => read.Items.Single(i => i.Host == host);
        Assert.Equal(("A10G", 4.0), (Item("ip-10-0-1-5.ec2.internal").Model, Item("ip-10-0-1-5.ec2.internal").Count));
        Assert.Equal(("TRAINIUM", 16.0), (Item("ip-10-0-1-6.ec2.internal").Model, Item("ip-10-0-1-6.ec2.internal").Count));
        var inf2 = Item("ip-10-0-1-7.ec2.internal");
        Assert.Equal(("INFERENTIA2", 1.0), (inf2.Model, inf2.Count));
        Assert.Contains("neuroncore", inf2.Note);
        Assert.Equal(("MI300X", 8.0), (Item("mi300-01").Model, Item("mi300-01").Count));
        Assert.Equal(("MI210", 4.0), (Item("mi210-01").Model, Item("mi210-01").Count));
        Assert.Equal(("H100-SXM5-80GB", 8.0), (Item("gke-a3-pool-1").Model, Item("gke-a3-pool-1").Count));
        Assert.Equal(("L4", 2.0), (Item("gke-l4-pool-1").Model, Item("gke-l4-pool-1").Count));
        Assert.Equal(("TPU-V5P", 4.0), (Item("gke-tpu-v5p-1").Model, Item("gke-tpu-v5p-1").Count));
        var cpx = Item("mi300-cpx-01");
        Assert.Equal(("MI300X", 8.0), (cpx.Model, cpx.Count));
        Assert.Contains("1/8 of one", cpx.Note);
        Assert.Equal(("MI250X", 4.0), (Item("mi250x-01").Model, Item("mi250x-01").Count));
        // Mixed naming: 32 CPX partitions are 4 GPUs, 4 SPX partitions 4 more.
        var mixed = Item("mi300-mixed-01");
        Assert.Equal(("MI300X", 8.0, 32), (mixed.Model, mixed.Count, mixed.MigSlices));
        Assert.Contains("amd.com/cpx_nps4", mixed.Note);
        var gaudi = Item("gaudi-01");
        Assert.Null(gaudi.Model);
        Assert.Equal(8, gaudi.Count);
        Assert.Equal(ErrorIds.GpuTypeMissing, Assert.Single(read.Problems).ErrorId);
    }
}

public class KubernetesMigLabelTests
{
    [Fact]
    public void MixedStrategyMigCountLabelsAreSlicesOfTheLabelledGpus()
    {
        var read = InventoryRead.File("node-labels-mig-mixed.json");
        Assert.Empty(read.Problems);
        var item = Assert.Single(read.Items);
        Assert.Equal(("a100-mig-01", "A100-SXM4-80GB", 2.0, 9), (item.Host, item.Model, item.Count, item.MigSlices));
        Assert.Contains("MIG mixed strategy", item.Note);
    }
}

public class SlurmTests
{
    [Fact]
    public void SinfoCountsTypedGresOncePerNode()
    {
        var read = InventoryRead.File("sinfo-n-G.txt");
        Assert.Equal(16, read.Gpus("A100-SXM4-80GB"));
        Assert.Equal(4 + 8, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(2, read.Gpus("L40S"));
        var untyped = read.Items.Single(i => i.Model is null);
        Assert.Equal("gpu-x001", untyped.Host);
        Assert.Equal(8, untyped.Count);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("GresTypeMissing", problem.ErrorId);
        Assert.Equal(6, problem.Location!.Line);
        Assert.Contains(read.Warnings, w => w.Contains("once per partition"));
    }

    [Fact]
    public void HeaderlessSinfoIsDetectedAndHostsNamedGpuAreNotGres()
    {
        var read = InventoryRead.File("sinfo-N-noheader.txt");
        Assert.Empty(read.Problems);
        Assert.All(read.Items, i => Assert.Equal(InventoryFormat.SlurmSinfo, i.Format));
        Assert.Equal(4, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(2, read.Gpus("L40S"));
        Assert.Equal(8, read.Gpus("A100-SXM4-80GB"));
        Assert.Equal(4, read.Gpus("RTX-2080-TI"));
        Assert.Equal(2, read.Gpus("QUADRO-RTX-8000"));
        Assert.Equal(20, read.Total);
        Assert.Equal(["gpu-h001", "gpu-h001", "gpu-a001", "gpu-q001", "gpu-q002"], read.Items.Select(i => i.Host));
    }

    [Fact]
    public void SinfoFormatIgnoresGresUsed()
    {
        var read = InventoryRead.File("sinfo-format.txt");
        Assert.Empty(read.Problems);
        Assert.Equal(16, read.Gpus("B200"));
        Assert.Equal(8, read.Gpus("MI300X"));
        Assert.Equal(24, read.Total);
    }

    [Fact]
    public void SinfoNodeCountsMultiplyTheGres()
    {
        var read = InventoryRead.File("sinfo-nodes.txt");
        Assert.Equal(128, read.Gpus("A100-SXM4-80GB"));
        Assert.Equal(32, read.Gpus("H200-SXM-141GB"));
    }

    [Fact]
    public void ScontrolReadsGresThenCfgTres()
    {
        var read = InventoryRead.File("scontrol-show-node.txt");
        GpuInventoryItem Item(string host, string? model) => read.Items.Single(i => i.Host == host && i.Model == model);
        Assert.Equal(8, Item("gpu-a001", "A100-SXM4-80GB").Count);
        Assert.Equal(4, Item("gpu-h001", "H100-SXM5-80GB").Count);
        Assert.Equal(2, Item("gpu-h001", "L40S").Count);
        Assert.Equal(4, Item("gpu-x001", null).Count);
        Assert.Equal(8, Item("gpu-t001", "H200-SXM-141GB").Count);
        Assert.Equal(4, Item("gpu-a099", "A100-SXM4-80GB").Count);
        Assert.DoesNotContain(read.Items, i => i.Host == "cpu-0001");
        var problem = Assert.Single(read.Problems);
        Assert.Equal("GresTypeMissing", problem.ErrorId);
        Assert.Equal(34, problem.Location!.Line);
        Assert.Contains(read.Warnings, w => w.Contains("gpu-a099") && w.Contains("gres/gpu=8"));
    }
}

public class AmdTests
{
    [Fact]
    public void RocmSmiCountsCardsAndSkipsTheSystemBlock()
    {
        var read = InventoryRead.File("rocm-smi-productname.json");
        Assert.Empty(read.Problems);
        var item = Assert.Single(read.Items);
        Assert.Equal("MI300X", item.Model);
        Assert.Equal(8, item.Count);
        Assert.Equal(InventoryFormat.RocmSmiJson, item.Format);
    }

    [Fact]
    public void RocmSmiOlderKeysAndMemory()
    {
        var read = InventoryRead.File("rocm-smi-mi250.json");
        var item = Assert.Single(read.Items);
        Assert.Equal("MI250X", item.Model);
        // Four devices of 64 GB are the four GCDs of two 128 GB MI250X modules.
        Assert.Equal(2, item.Count);
        Assert.Contains("1/2 of one", item.Note);
        Assert.Equal(65520, item.MemoryMiB!.Value, 0);
    }

    [Theory]
    // SR-IOV: a guest with one VF per GPU sees the whole 192 GB; a host split into 8 VFs gives each 24 GB (1/8 of one).
    [InlineData(8, 206141652992L, 8.0)]
    [InlineData(8, 25769803776L, 1.0)]
    [InlineData(4, 51539607552L, 1.0)]
    public void RocmSmiVirtualFunctionsCountTheirShareOfTheGpu(int devices, long bytes, double gpus)
    {
        var cards = Enumerable.Range(0, devices).Select(i =>
            $"\"card{i}\": {{ \"Card Series\": \"Aqua Vanjaram [Instinct MI300X VF]\", \"Device ID\": \"0x74b5\", \"VRAM Total Memory (B)\": \"{bytes}\" }}");
        var read = InventoryRead.Text("{" + string.Join(",", cards) + "}", InventoryFormat.RocmSmiJson);
        Assert.Empty(read.Problems);
        Assert.Equal(gpus, read.Gpus("MI300X-VF"), 6);
        if (gpus < devices) Assert.Contains("of one", Assert.Single(read.Items).Note);
        Assert.DoesNotContain("without its memory", Assert.Single(read.Items).Note);
    }

    [Fact]
    public void AVirtualFunctionWithoutItsMemoryCountsWholeAndSaysSo()
    {
        var read = InventoryRead.Text("Host,Model,Count\nvm1,AMD Instinct MI300X VF,8\nvm2,AMD Instinct MI300X,8\n", InventoryFormat.Csv);
        Assert.Equal(16, read.Gpus("MI300X-VF") + read.Gpus("MI300X"));
        Assert.Contains("SR-IOV virtual function listed without its memory", read.Items.Single(i => i.Host == "vm1").Note);
        Assert.DoesNotContain("virtual function", read.Items.Single(i => i.Host == "vm2").Note);
    }

    [Fact]
    public void RocmSmiTruncatedKeepsTheCardsBeforeTheBreak()
    {
        var read = InventoryRead.File("rocm-smi-truncated.json");
        Assert.Equal(3, read.Gpus("MI300X"));
        Assert.Equal("InvalidInventoryData", Assert.Single(read.Problems).ErrorId);
    }

    [Fact]
    public void AmdSmiStaticReadsGpuSectionsNotCpuSections()
    {
        var read = InventoryRead.File("amd-smi-static.txt");
        Assert.Empty(read.Problems);
        var item = Assert.Single(read.Items);
        Assert.Equal("MI300X", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(196592, item.MemoryMiB);
        Assert.Equal(2, read.Stats.Records);
    }

    [Fact]
    public void AmdSmiPartitionsAreSlicesOfOneGpu()
    {
        var read = InventoryRead.File("amd-smi-static-cpx.txt");
        var item = Assert.Single(read.Items);
        Assert.Equal(2, item.Count);
        Assert.Equal(16, item.MigSlices);
        Assert.Contains("CPX", item.Note);
    }

    [Fact]
    public void AmdSmiJson()
    {
        var read = InventoryRead.File("amd-smi-static.json");
        var item = Assert.Single(read.Items);
        Assert.Equal("MI300X", item.Model);
        Assert.Equal(2, item.Count);
        Assert.Equal(196592, item.MemoryMiB);
    }
}

public class GresConfTests
{
    [Fact]
    public void CountsEachLinesGpusOnEachNodeOfItsList()
    {
        var read = InventoryRead.File("gres.conf");
        Assert.Equal(InventoryFormat.SlurmGresConf, read.Items[0].Format);
        Assert.Equal(16 * 8, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(5 * 4, read.Gpus("A100-SXM4-80GB"));
        Assert.Equal(2, read.Gpus("RTX-A6000"));
        Assert.Equal(1, read.Gpus("L40S"));
        Assert.Equal(1, read.Gpus("L4"));
        // Shards and MPS add nothing; the untyped old nodes give an item without a model and a GresTypeMissing error.
        var untyped = Assert.Single(read.Items, i => i.Model is null);
        Assert.Equal(4, untyped.Count);
        Assert.Equal("GresTypeMissing", Assert.Single(read.Problems).ErrorId);
        Assert.Equal(20, Assert.Single(read.Problems).Location!.Line);
        // Lines repeated for the same nodes (a Count line, a device file) warn and count once.
        Assert.Contains(read.Warnings, w => w.Contains("gres.conf:22") && w.Contains("listed again"));
        Assert.Contains(read.Warnings, w => w.Contains("gres.conf:23") && w.Contains("File=/dev/nvidia1"));
        Assert.Equal("hgx[001-016]", read.Items.First(i => i.Model == "H100-SXM5-80GB").Host);
        Assert.Contains("16 nodes", read.Items.First(i => i.Model == "H100-SXM5-80GB").Note);
    }

    [Theory]
    [InlineData("tux[0-15]", 16)]
    [InlineData("a,b[1-2]", 3)]
    [InlineData("rack[1-2]-n[01-04,7]", 10)]
    [InlineData("/dev/nvidia[0-3,6]", 5)]
    [InlineData("node01", 1)]
    [InlineData("n[5-1]", -1)]
    [InlineData("n[1-2", -1)]
    [InlineData("n]1[", -1)]
    [InlineData("n[a-b]", -1)]
    [InlineData("n[0-999999999999999]", -1)]
    public void CountsSlurmHostLists(string list, long names) => Assert.Equal(names, CapacityTools.Core.Gpu.SlurmGpuText.CountNames(list));

    [Fact]
    public void ABadHostListIsAnErrorWithItsLineAndTheOtherLinesCount()
    {
        var read = InventoryRead.Text("NodeName=a[3-1] Name=gpu Type=a100 File=/dev/nvidia0\nNodeName=b Name=gpu Type=h100 Count=8\n", InventoryFormat.SlurmGresConf);
        Assert.Equal(8, read.Gpus("H100-SXM5-80GB"));
        var problem = Assert.Single(read.Problems);
        Assert.Equal(1, problem.Location!.Line);
        Assert.Contains("host list", problem.Message);
    }

    [Fact]
    public void AnAutoDetectOnlyFileSaysWhereTheGpusAre()
    {
        var read = InventoryRead.Text("AutoDetect=nvml\n", InventoryFormat.SlurmGresConf);
        Assert.Empty(read.Items);
        Assert.Empty(read.Problems);
        Assert.Contains(read.Warnings, w => w.Contains("AutoDetect"));
    }
}

public class LspciTests
{
    [Fact]
    public void CountsTheGpusOfAnHgxBoardAndNotItsSwitchesOrTheBmcVga()
    {
        var read = InventoryRead.File("lspci-hgx-a100.txt");
        Assert.Empty(read.Problems);
        var item = Assert.Single(read.Items);
        Assert.Equal(("A100-SXM4-80GB", 8.0, InventoryFormat.Lspci), (item.Model, item.Count, item.Format));
        Assert.Equal(4, item.Source!.Line);
    }

    [Fact]
    public void ReadsCodesDomainsAndAcceleratorsOfEveryVendorByTheirPciIds()
    {
        var read = InventoryRead.File("lspci-nn-mixed.txt");
        Assert.Equal(2, read.Gpus("H100-SXM5-80GB"));
        Assert.Equal(1, read.Gpus("L40S"));
        // Four GCDs are two MI250X modules; MI300X and Gaudi2 are processing accelerators (class 1200).
        Assert.Equal(2, read.Gpus("MI250X"));
        Assert.Equal(2, read.Gpus("MI300X"));
        Assert.Equal(1, read.Gpus("GAUDI2"));
        // A device the catalog lacks is an error that names it, with its line; the Matrox VGA and the NVSwitch are not GPUs.
        var problem = Assert.Single(read.Problems);
        Assert.Equal(14, problem.Location!.Line);
        Assert.Contains("10de:2337 'GH100 [H100 SXM5 64GB]'", problem.Message);
    }

    [Theory]
    [InlineData("lspci-vmm.txt", "A100-SXM4-80GB", 2)]
    [InlineData("lspci-n.txt", "H100-SXM5-80GB", 2)]
    public void ReadsTheVmmAndNumericForms(string sample, string model, double gpus)
    {
        var read = InventoryRead.File(sample);
        Assert.Empty(read.Problems);
        Assert.Equal(gpus, read.Gpus(model));
        Assert.All(read.Items, i => Assert.Equal(InventoryFormat.Lspci, i.Format));
    }

    [Fact]
    public void ADeviceListedTwiceCountsOnce()
    {
        var line = "07:00.0 3D controller: NVIDIA Corporation GA100 [A100 SXM4 80GB] (rev a1)\n";
        var read = InventoryRead.Text(line + line, InventoryFormat.Lspci);
        Assert.Equal(1, read.Gpus("A100-SXM4-80GB"));
        Assert.Contains(read.Warnings, w => w.Contains("listed again"));
    }
}

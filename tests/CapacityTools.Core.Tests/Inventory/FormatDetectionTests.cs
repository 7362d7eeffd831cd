using System.IO;
using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Tests.Inventory;

public class FormatDetectionTests
{
    [Theory]
    [InlineData("fleet.csv", InventoryFormat.Csv)]
    [InlineData("nvidia-smi-query.csv", InventoryFormat.Csv)]
    [InlineData("nvidia-smi-q-x-v12-h100.xml", InventoryFormat.NvidiaSmiXml)]
    [InlineData("nvidia-smi-q-x-v10-v100.xml", InventoryFormat.NvidiaSmiXml)]
    [InlineData("nvidia-smi-q.txt", InventoryFormat.NvidiaSmiQuery)]
    [InlineData("nvidia-smi-L.txt", InventoryFormat.NvidiaSmiList)]
    [InlineData("nvidia-smi-L-r450.txt", InventoryFormat.NvidiaSmiList)]
    [InlineData("nvidia-smi-table.txt", InventoryFormat.NvidiaSmiTable)]
    [InlineData("nvidia-smi-table-r470.txt", InventoryFormat.NvidiaSmiTable)]
    [InlineData("kubectl-nodes.json", InventoryFormat.KubectlNodes)]
    [InlineData("kubectl-node-single.json", InventoryFormat.KubectlNodes)]
    [InlineData("node-labels.json", InventoryFormat.KubernetesLabels)]
    [InlineData("sinfo-n-G.txt", InventoryFormat.SlurmSinfo)]
    [InlineData("sinfo-format.txt", InventoryFormat.SlurmSinfo)]
    [InlineData("sinfo-nodes.txt", InventoryFormat.SlurmSinfo)]
    [InlineData("sinfo-N-noheader.txt", InventoryFormat.SlurmSinfo)]
    [InlineData("scontrol-show-node.txt", InventoryFormat.SlurmScontrol)]
    [InlineData("gres.conf", InventoryFormat.SlurmGresConf)]
    [InlineData("lspci-hgx-a100.txt", InventoryFormat.Lspci)]
    [InlineData("lspci-nn-mixed.txt", InventoryFormat.Lspci)]
    [InlineData("lspci-vmm.txt", InventoryFormat.Lspci)]
    [InlineData("lspci-n.txt", InventoryFormat.Lspci)]
    [InlineData("rocm-smi-productname.json", InventoryFormat.RocmSmiJson)]
    [InlineData("rocm-smi-mi250.json", InventoryFormat.RocmSmiJson)]
    [InlineData("amd-smi-static.txt", InventoryFormat.AmdSmiStatic)]
    [InlineData("amd-smi-static.json", InventoryFormat.AmdSmiStatic)]
    public void DetectsEachSample(string sample, InventoryFormat expected)
    {
        var text = File.ReadAllText(InventoryRead.PathOf(sample));
        Assert.Equal(expected, InventoryFormatDetector.Detect(text));
    }

    [Theory]
    [InlineData("fleet.csv", InventoryFormat.Csv)]
    [InlineData("cloud-instances.csv", InventoryFormat.CloudInstances)]
    [InlineData("nvidia-smi-query.csv", InventoryFormat.NvidiaSmiCsv)]
    [InlineData("nvidia-smi-query-mixed.csv", InventoryFormat.NvidiaSmiCsv)]
    public void CsvItemsSayWhichCsvTheyCameFrom(string sample, InventoryFormat expected)
    {
        var read = InventoryRead.File(sample);
        Assert.NotEmpty(read.Items);
        Assert.All(read.Items, i => Assert.Equal(expected, i.Format));
    }
}

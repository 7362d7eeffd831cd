using CapacityTools.Core.Inventory;

namespace CapacityTools.Core.Tests.Inventory;

/// <summary>Tools that list each GCD of an MI250X as a GPU count modules, not GCDs; a person's CSV of modules stays as written.</summary>
public class ListedDevicesTests
{
    [Fact]
    public void SlurmGresOfMi250xCountsModules()
    {
        var read = InventoryRead.Text("NodeName=frontier00001 Gres=gpu:mi250x:8\n", InventoryFormat.SlurmScontrol);
        Assert.Equal(4, read.Total);
        Assert.Contains("two graphics compute dies", Assert.Single(read.Items).Note);
    }

    [Fact]
    public void TheAmdDevicePluginWithoutVramCountsModules()
    {
        var node = """{"kind":"List","items":[{"kind":"Node","metadata":{"name":"n1","labels":{"amd.com/gpu.product-name":"AMD Instinct MI250X"}},"status":{"capacity":{"amd.com/gpu":"8"}}}]}""";
        Assert.Equal(4, InventoryRead.Text(node, InventoryFormat.KubectlNodes).Total);
    }

    [Fact]
    public void ACsvOfModulesAndOtherChipsStayAsWritten()
    {
        Assert.Equal(4, InventoryRead.Text("Model,Count\nMI250X,4\n").Total);
        Assert.Equal(8, InventoryRead.Text("NodeName=a Gres=gpu:mi300x:8\n", InventoryFormat.SlurmScontrol).Total);
        Assert.Equal(8, InventoryRead.Text("NodeName=a Gres=gpu:h100:8\n", InventoryFormat.SlurmScontrol).Total);
    }
}

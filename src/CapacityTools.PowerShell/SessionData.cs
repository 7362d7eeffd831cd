using CapacityTools.Core.Economy;
using CapacityTools.Core.Gpu;
using CapacityTools.Core.Pricing;

namespace CapacityTools.PowerShell;

/// <summary>The reference data of each runspace: the embedded data plus what the user imported there.</summary>
internal static class SessionData
{
    /// <summary>The GPU catalog: embedded, plus Import-GpuCatalog's entries.</summary>
    public static readonly PerRunspace<GpuCatalog> Catalog = new(() => GpuCatalog.Embedded);

    /// <summary>The GDP editions: embedded, plus Import-GdpData's editions.</summary>
    public static readonly PerRunspace<GdpLibrary> Gdp = new(() => GdpLibrary.Embedded);

    /// <summary>The GPU prices: embedded, plus Import-GpuPrice's rows.</summary>
    public static readonly PerRunspace<PriceTable> Prices = new(() => PriceTable.Embedded);
}

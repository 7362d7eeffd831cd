using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CapacityTools.Core.Gpu;

namespace CapacityTools.PowerShell;

/// <summary>
/// The catalog each runspace sees. The embedded catalog is shared and immutable; Import-GpuCatalog
/// swaps in a new catalog for its own runspace only, so ForEach-Object -Parallel and other
/// runspaces are unaffected.
/// </summary>
internal static class SessionCatalog
{
    private static readonly ConditionalWeakTable<Runspace, Holder> s_byRunspace = new();

    public static GpuCatalog Current =>
        Runspace.DefaultRunspace is { } runspace && s_byRunspace.TryGetValue(runspace, out var holder)
            ? holder.Catalog
            : GpuCatalog.Embedded;

    public static void Set(GpuCatalog catalog)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
        s_byRunspace.GetValue(runspace, _ => new Holder()).Catalog = catalog;
    }

    private sealed class Holder
    {
        public volatile GpuCatalog Catalog = GpuCatalog.Embedded;
    }
}

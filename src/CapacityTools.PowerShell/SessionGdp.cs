using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using CapacityTools.Core.Economy;

namespace CapacityTools.PowerShell;

/// <summary>
/// The GDP editions each runspace sees. The embedded library is shared and immutable; Import-GdpData
/// swaps in a library with the new edition for its own runspace only (the pattern of SessionCatalog).
/// </summary>
internal static class SessionGdp
{
    private static readonly ConditionalWeakTable<Runspace, Holder> s_byRunspace = new();

    public static GdpLibrary Current =>
        Runspace.DefaultRunspace is { } runspace && s_byRunspace.TryGetValue(runspace, out var holder)
            ? holder.Library
            : GdpLibrary.Embedded;

    public static void Set(GdpLibrary library)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
        s_byRunspace.GetValue(runspace, _ => new Holder()).Library = library;
    }

    private sealed class Holder
    {
        public volatile GdpLibrary Library = GdpLibrary.Embedded;
    }
}

using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CapacityTools.PowerShell;

/// <summary>
/// A value each runspace sees on its own: the shared, immutable default until a command in that runspace
/// sets another (Import-GpuCatalog, Import-GdpData). Other runspaces, such as those of
/// ForEach-Object -Parallel, are unaffected, and nothing is kept alive after a runspace is gone.
/// </summary>
internal sealed class PerRunspace<T>(Func<T> defaultValue) where T : class
{
    private readonly ConditionalWeakTable<Runspace, Holder> _byRunspace = new();

    public T Current =>
        Runspace.DefaultRunspace is { } runspace && _byRunspace.TryGetValue(runspace, out var holder) && holder.Value is { } value
            ? value
            : defaultValue();

    public void Set(T value)
    {
        var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
        _byRunspace.GetValue(runspace, _ => new Holder()).Value = value;
    }

    private sealed class Holder
    {
        public volatile T? Value;
    }
}

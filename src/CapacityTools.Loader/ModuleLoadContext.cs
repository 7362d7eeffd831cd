using System.Reflection;
using System.Runtime.Loader;

namespace CapacityTools.Loader;

/// <summary>
/// The module's own load context on PowerShell 7: the cmdlets, the core and their third-party dependencies
/// (CsvHelper, System.Text.Json, ...) load from the module's deps/ folder here, so another module that already
/// loaded a different version of any of them into the default context is never in the way, and ours is never
/// in its way. Anything not in deps/ (System.Management.Automation, the framework) comes from the default context.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private static readonly object s_sync = new();
    private static ModuleLoadContext? s_instance;

    private readonly string _folder;

    private ModuleLoadContext(string folder) : base("CapacityTools", isCollectible: false) => _folder = folder;

    /// <summary>The cmdlet assembly, loaded once per process from <paramref name="depsFolder"/> into this context.</summary>
    public static Assembly Initialize(string depsFolder)
    {
        lock (s_sync)
        {
            s_instance ??= new ModuleLoadContext(Path.GetFullPath(depsFolder));
            return s_instance.LoadFromAssemblyName(new AssemblyName("CapacityTools.PowerShell"));
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The framework's own assemblies (System.Memory, System.Text.Json, ... which deps/ carries for Windows
        // PowerShell 5.1) come from the framework: newer, faster, and the types the runtime itself uses.
        if (assemblyName.Name is null || s_framework.Contains(assemblyName.Name)) return null;
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static readonly HashSet<string> s_framework = new(
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>(),
        StringComparer.OrdinalIgnoreCase);
}

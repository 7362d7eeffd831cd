using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CapacityTools.PowerShell;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework) has no load contexts and no binding redirects for a module's
/// dependencies: CsvHelper and System.Text.Json ask for other versions of System.Memory and
/// System.Runtime.CompilerServices.Unsafe than the ones shipped. This answers those requests from the deps/
/// folder, but only requests that the module's own assemblies make and only with a version at least the one
/// asked for, so other modules' resolution is left alone; it unregisters when the module is removed.
/// PowerShell 7 loads the module into its own AssemblyLoadContext (CapacityTools.Loader) and needs none of this.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string s_folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? "";

    private static bool IsFramework => RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

    public void OnImport()
    {
        if (IsFramework) AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDeps;
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDeps;
    }

    private static Assembly? ResolveFromDeps(object? sender, ResolveEventArgs args)
    {
        var requester = args.RequestingAssembly?.Location;
        if (string.IsNullOrEmpty(requester) || !string.Equals(Path.GetDirectoryName(requester), s_folder, StringComparison.OrdinalIgnoreCase)) return null;
        var wanted = new AssemblyName(args.Name);
        var path = Path.Combine(s_folder, wanted.Name + ".dll");
        if (!File.Exists(path)) return null;
        var shipped = AssemblyName.GetAssemblyName(path);
        return wanted.Version is null || shipped.Version >= wanted.Version ? Assembly.LoadFrom(path) : null;
    }
}

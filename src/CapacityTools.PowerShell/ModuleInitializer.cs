using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CapacityTools.PowerShell;

/// <summary>
/// On Windows PowerShell 5.1 (.NET Framework) there are no binding redirects for a module's dependencies:
/// CsvHelper and System.Text.Json ask for different versions of System.Memory and
/// System.Runtime.CompilerServices.Unsafe than the ones shipped. This resolves any request for an assembly
/// that ships in the module folder to that file. PowerShell 7 resolves them itself and needs no help.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    private static readonly string s_folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? "";

    public void OnImport()
    {
        if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
        }
    }

    private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        var path = Path.Combine(s_folder, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}

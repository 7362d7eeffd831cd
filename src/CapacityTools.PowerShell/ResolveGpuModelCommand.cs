using System.Management.Automation;
using CapacityTools.Core.Gpu;
using CapacityTools.PowerShell.Completers;

namespace CapacityTools.PowerShell;

/// <summary>Resolve-GpuModel: says what a raw accelerator name means in the catalog.</summary>
[Cmdlet(VerbsDiagnostic.Resolve, "GpuModel")]
[OutputType(typeof(GpuResolution))]
public sealed class ResolveGpuModelCommand : CapacityCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Model", "Gpu", "Product", "RawName")]
    [ArgumentCompleter(typeof(GpuNameCompleter))]
    [AllowEmptyString]
    public string[] Name { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            var resolution = Catalog.Resolver.Resolve(name, out var problem);
            if (resolution is null) WriteProblem(problem!);
            else WriteObject(resolution);
        }
    }
}

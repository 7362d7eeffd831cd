# Loads the compiled module so that its dependencies cannot clash with other modules' copies.
# PowerShell 7: the cmdlets, the core and their dependencies load from deps/ into the module's own
# AssemblyLoadContext (CapacityTools.Loader.dll). Windows PowerShell 5.1 has no load contexts: the cmdlet
# assembly loads from deps/ and answers, with a version check, only the requests its own assemblies make.

$deps = [IO.Path]::Combine($PSScriptRoot, 'deps')

if ($PSVersionTable.PSEdition -eq 'Core') {
    if (-not ('CapacityTools.Loader.ModuleLoadContext' -as [type])) {
        $null = [Reflection.Assembly]::LoadFrom([IO.Path]::Combine($PSScriptRoot, 'CapacityTools.Loader.dll'))
    }
    $assembly = [CapacityTools.Loader.ModuleLoadContext]::Initialize($deps)
    $inner = Microsoft.PowerShell.Core\Import-Module -Assembly $assembly -Force -PassThru -DisableNameChecking
} else {
    $inner = Microsoft.PowerShell.Core\Import-Module -Name ([IO.Path]::Combine($deps, 'CapacityTools.PowerShell.dll')) -Force -PassThru -DisableNameChecking -ErrorAction Stop
}

# Import-Module -Assembly may hand back a cached module without adding its cmdlets to this module's
# exports (PowerShell/PowerShell#20710); add them, so CmdletsToExport in the manifest sees them.
$addExported = [System.Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [Reflection.BindingFlags]'Instance, NonPublic')
foreach ($cmdlet in $inner.ExportedCmdlets.Values) {
    $addExported.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
}

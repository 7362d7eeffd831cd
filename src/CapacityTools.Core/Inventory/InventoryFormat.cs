namespace CapacityTools.Core.Inventory;

/// <summary>The kinds of inventory a reader understands; <see cref="Auto"/> detects the kind from the text.</summary>
public enum InventoryFormat
{
    /// <summary>Detect the format from the first lines of the input.</summary>
    Auto,
    /// <summary>A CSV export with model, count and host columns under any common name.</summary>
    Csv,
    /// <summary>A CSV of cloud instance (or TPU slice) types with counts, expanded through the catalog.</summary>
    CloudInstances,
    /// <summary><c>nvidia-smi --query-gpu=... --format=csv</c>: one row per GPU, units in headers and cells.</summary>
    NvidiaSmiCsv,
    /// <summary><c>nvidia-smi -q -x</c>: the XML log, any schema version, MIG devices included.</summary>
    NvidiaSmiXml,
    /// <summary><c>nvidia-smi -q</c>: the text log.</summary>
    NvidiaSmiQuery,
    /// <summary><c>nvidia-smi -L</c>: one line per GPU and per MIG device.</summary>
    NvidiaSmiList,
    /// <summary>The default <c>nvidia-smi</c> table.</summary>
    NvidiaSmiTable,
    /// <summary><c>kubectl get nodes -o json</c> (a NodeList or List) or a single Node.</summary>
    KubectlNodes,
    /// <summary>One node's labels as a JSON map (<c>kubectl get node N -o jsonpath='{.metadata.labels}'</c>).</summary>
    KubernetesLabels,
    /// <summary>Slurm <c>sinfo -o "%n %G"</c> or <c>sinfo --Format=...Gres...</c> output.</summary>
    SlurmSinfo,
    /// <summary>Slurm <c>scontrol show node</c> blocks.</summary>
    SlurmScontrol,
    /// <summary>Slurm's <c>gres.conf</c>: <c>NodeName=tux[0-15] Name=gpu Type=a100 File=/dev/nvidia[0-3]</c> lines.</summary>
    SlurmGresConf,
    /// <summary>Saved <c>lspci</c> output (one line per device, with or without <c>-nn</c>, or <c>-vmm</c> blocks).</summary>
    Lspci,
    /// <summary><c>rocm-smi --showproductname --json</c> (and other rocm-smi JSON with per-card objects).</summary>
    RocmSmiJson,
    /// <summary><c>amd-smi static</c> text (GPU sections; CPU sections are skipped) or its <c>--json</c> form.</summary>
    AmdSmiStatic,
    /// <summary>dcgm-exporter <c>/metrics</c> text (Prometheus exposition format), one or several scrapes, any label spelling.</summary>
    DcgmExporter,
    /// <summary>Asked of a Prometheus-compatible server that scrapes dcgm-exporter (Get-GpuInventory -PrometheusUri); not a file format.</summary>
    Prometheus,
}

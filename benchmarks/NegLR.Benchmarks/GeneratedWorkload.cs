namespace NegLR.Benchmarks;

// The standard workload (see StandardWorkload) declared for the source generator: HardwareEfficient with L = n layers
// on n qubits, cost Z0 Z1. The generated Evaluate/EvaluateWithGradient are what GeneratedBenchmarks times.

[Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 4)]
[Observable("Z0 Z1")]
public partial struct Hea4;

[Ansatz(Qubits = 8, Template = AnsatzTemplate.HardwareEfficient, Layers = 8)]
[Observable("Z0 Z1")]
public partial struct Hea8;

[Ansatz(Qubits = 12, Template = AnsatzTemplate.HardwareEfficient, Layers = 12)]
[Observable("Z0 Z1")]
public partial struct Hea12;

[Ansatz(Qubits = 16, Template = AnsatzTemplate.HardwareEfficient, Layers = 16)]
[Observable("Z0 Z1")]
public partial struct Hea16;

[Ansatz(Qubits = 20, Template = AnsatzTemplate.HardwareEfficient, Layers = 20)]
[Observable("Z0 Z1")]
public partial struct Hea20;

namespace NegLR.Generator.Model;

/// <summary>An observable declared with [Observable]: the property name and the Pauli-sum text.</summary>
internal sealed record ObservableSpec(string Name, string Text);

/// <summary>
/// The backward light cone of one term of the cost, in the order of <c>PauliSum.Terms</c>: the qubits it reaches at the
/// start of the circuit and the weights inside it.
/// </summary>
internal sealed record LightConeSpec(string Term, int QubitMask, EquatableArray<int> Weights);

/// <summary>
/// Everything the emitter needs about one [Ansatz] declaration, made from an <see cref="AnsatzDeclaration"/> by running
/// its body (or expanding its template) and walking the cost's light cones. Value-equal, with no symbols, syntax nodes
/// or locations; a declaration edit that leaves the circuit the same leaves this equal, and the source is not rewritten.
/// </summary>
/// <param name="Hierarchy">Where the partial type lives.</param>
/// <param name="Qubits">Declared qubit count.</param>
/// <param name="Gates">The recorded gates (value-equal runtime <see cref="Gate"/> objects).</param>
/// <param name="WeightCount">Trainable weights.</param>
/// <param name="InputCount">Data inputs.</param>
/// <param name="BuildMethod">Name of the [Circuit] method, or null for a template.</param>
/// <param name="Template">The template when there is no method.</param>
/// <param name="Layers">Template layers.</param>
/// <param name="Observables">Declared observables, in source order.</param>
/// <param name="CostLightCones">Backward light cone of each term of the cost observable.</param>
/// <param name="Failure">Why the declaration could not be compiled (the stub's message), or null.</param>
/// <param name="Omitted">Why nothing is generated at all, or null (see <see cref="AnsatzDeclaration.Omitted"/>).</param>
/// <param name="Noise">The ansatz's noise (declared or written in its body), or null for an ideal ansatz.</param>
internal sealed record AnsatzSpec(
    HierarchyInfo Hierarchy,
    int Qubits,
    EquatableArray<Gate> Gates,
    int WeightCount,
    int InputCount,
    string? BuildMethod,
    AnsatzTemplate Template,
    int Layers,
    EquatableArray<ObservableSpec> Observables,
    EquatableArray<LightConeSpec> CostLightCones,
    string? Failure,
    string? Omitted,
    global::NegLR.Generator.Noise.NoiseSpec? Noise = null);

namespace NegLR.Generator.Model;

/// <summary>An observable declared with [Observable]: the property name and the Pauli-sum text.</summary>
internal sealed record ObservableSpec(string Name, string Text);

/// <summary>
/// The backward light cone of one term of the cost, in the order of <c>PauliSum.Terms</c>: the qubits it reaches at the
/// start of the circuit and the weights inside it.
/// </summary>
internal sealed record LightConeSpec(string Term, int QubitMask, EquatableArray<int> Weights);

/// <summary>
/// Everything the emitter needs about one [Ansatz] declaration. Value-equal, with no symbols, syntax nodes or
/// locations, so an edit that does not change the circuit leaves the pipeline's output cached.
/// </summary>
/// <param name="Hierarchy">Where the partial type lives.</param>
/// <param name="Qubits">Declared qubit count.</param>
/// <param name="Gates">The recorded gates (value-equal runtime <see cref="Gate"/> objects).</param>
/// <param name="WeightCount">Trainable weights.</param>
/// <param name="InputCount">Data inputs.</param>
/// <param name="Depth">Circuit depth in moments.</param>
/// <param name="Drawing">Text drawing for the XML doc.</param>
/// <param name="BuildMethod">Name of the [Circuit] method, or null for a template.</param>
/// <param name="Template">The template when there is no method.</param>
/// <param name="Layers">Template layers.</param>
/// <param name="Observables">Declared observables, in source order.</param>
/// <param name="EntanglingDepth">Depth counting multi-qubit gates only.</param>
/// <param name="CostLightCones">Backward light cone of each term of the cost observable.</param>
/// <param name="Failure">Why the declaration could not be compiled (the stub's message), or null.</param>
internal sealed record AnsatzSpec(
    HierarchyInfo Hierarchy,
    int Qubits,
    EquatableArray<Gate> Gates,
    int WeightCount,
    int InputCount,
    int Depth,
    string Drawing,
    string? BuildMethod,
    AnsatzTemplate Template,
    int Layers,
    EquatableArray<ObservableSpec> Observables,
    int EntanglingDepth,
    EquatableArray<LightConeSpec> CostLightCones,
    string? Failure);

namespace Spcncl.Content.DocumentTypes;

/// <summary>Holds the site's current document types. Replaced as a whole when the uSync import changes them.</summary>
public sealed class DocumentTypeRegistry
{
    private volatile DocumentTypeSet _current = DocumentTypeSet.Empty;

    public DocumentTypeSet Current => _current;

    public void Replace(DocumentTypeSet types) => _current = types;
}

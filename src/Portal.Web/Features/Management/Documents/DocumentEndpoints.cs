namespace Portal.Web.Features.Management.Documents;

internal static class DocumentEndpoints
{
    // Helper A fills this: tree, document CRUD, publish and the workflow verbs, versions.
    public static RouteGroupBuilder MapDocumentEndpoints(this RouteGroupBuilder group) => group;
}

using Portal.Web.Features.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
app.MapPortal();

return await app.RunPortalAsync(args);

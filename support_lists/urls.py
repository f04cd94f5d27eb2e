app_name = "support_lists"
urlpatterns: list = []

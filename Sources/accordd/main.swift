print("accordd")

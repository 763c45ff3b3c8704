printf 'name,link\nx,https://example.ru/\n' | qrgen --no-files

"""The one file a multipart upload carries (field `file`), read the same way by every upload the mock takes."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from mock_site.api_errors import ApiError


async def uploaded_file(request: Request) -> tuple[bytes, str]:
    """The file's bytes and name; ApiError 400 when there is no file or the body is not well-formed multipart."""
    try:
        async with request.form(max_files=1) as form:
            item = form.get("file")
            if not isinstance(item, UploadFile):
                raise ApiError(400, "请选择文件")
            return await item.read(), item.filename or ""
    except (MultiPartException, ValueError):  # a malformed multipart body
        raise ApiError(400, "上传格式不正确") from None

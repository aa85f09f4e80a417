namespace Portal.Core.Procedures.Import;

/// <summary>
/// Field keys of a national-portal record: the keys public crawlers of the national database use, plus Portal's own
/// extensions (marked below). Import files use these keys; spreadsheet headers are mapped onto them by <see cref="NationalListColumns"/>.
/// </summary>
public static class NationalKeys
{
    public const string Code = "ma_thu_tuc";
    public const string Name = "ten_thu_tuc";
    public const string DecisionNumber = "so_quyet_dinh";
    public const string Level = "cap_thuc_hien";
    public const string Type = "loai_thu_tuc";
    public const string Field = "linh_vuc";
    public const string ApplicantTypes = "doi_tuong_thuc_hien";
    public const string CompetentAgency = "co_quan_co_tham_quyen";
    public const string ReceivingAddress = "dia_chi_tiep_nhan";
    public const string DelegatedAgency = "co_quan_duoc_uy_quyen";
    public const string CoordinatingAgency = "co_quan_phoi_hop";
    public const string RelatedProcedures = "thu_tuc_lien_quan";
    public const string Steps = "trinh_tu_thuc_hien";
    public const string Channels = "cach_thuc_thuc_hien";
    public const string Dossier = "thanh_phan_ho_so";
    public const string LegalBasis = "can_cu_phap_ly";
    public const string ImplementingAgency = "co_quan_thuc_hien";
    public const string Requirements = "yeu_cau_dieu_kien";
    public const string Results = "ket_qua_xu_ly";
    public const string ProcessingTime = "thoi_han_giai_quyet";
    public const string Charge = "le_phi";
    public const string Fee = "phi";
    public const string DossierSets = "so_luong_bo_ho_so";
    public const string Forms = "bieu_mau_dinh_kem";

    // Columns of the national portal's list export that belong to the announcing decision, not to the procedure.
    public const string RowNumber = "stt";
    public const string DecisionDate = "ngay_quyet_dinh";
    public const string DecisionIssuer = "co_quan_ban_hanh";

    // Portal extensions.
    public const string LocalCode = "ma_thu_tuc_day_du";
    public const string OnlineLevel = "muc_do_dvc";
    public const string PostalReceipt = "buu_chinh_tiep_nhan";
    public const string PostalResult = "buu_chinh_tra_ket_qua";
    public const string Status = "trang_thai";
    public const string Keywords = "tu_khoa";
    public const string Description = "mo_ta";
    public const string NationalUrl = "link_truy_cap";
    public const string Units = "don_vi_thuc_hien";
}
